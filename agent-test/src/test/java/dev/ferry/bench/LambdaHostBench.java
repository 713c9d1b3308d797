package dev.ferry.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Host overhead: what an application pays for lambda capture and invocation when Ferry prepares its call sites.
 *
 * <p>Run once in a fork with {@code -javaagent:ferry-agent.jar} and once in a fork without (the runner,
 * {@link BenchSuite}, adds the agent with {@code jvmArgsAppend}); the target is a ratio of at most 1.02 for each
 * benchmark. Every benchmark creates its lambda at the call site inside the benchmark method, so each operation is one
 * capture (a constant for non-capturing lambdas, an allocation the JIT may remove by escape analysis otherwise) and
 * one invocation; {@link #capturingEscaping} forces the allocation, {@link #invokeStored} measures invocation alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class LambdaHostBench {

    int x = 7;
    int k = 3;
    String text = "ferry";
    String other = "boat";
    IntUnaryOperator stored;

    @Setup(Level.Trial)
    public void setUp() {
        AgentProbe.checkVariant();
        int captured = k;
        String capturedText = text;
        stored = v -> v * captured + capturedText.length();
    }

    /** A non-capturing lambda: the capture is a constant (one instance per call site). */
    @Benchmark
    public int nonCapturing() {
        IntUnaryOperator f = v -> v * 31 + 1;
        return f.applyAsInt(x);
    }

    /** A lambda capturing an int and an object. */
    @Benchmark
    public int capturingIntAndObject() {
        int captured = k;
        String capturedText = text;
        IntUnaryOperator f = v -> v * captured + capturedText.length();
        return f.applyAsInt(x);
    }

    /** The same lambda, escaping (to the black hole), so that the capture really allocates. */
    @Benchmark
    public int capturingEscaping(Blackhole blackhole) {
        int captured = k;
        String capturedText = text;
        IntUnaryOperator f = v -> v * captured + capturedText.length();
        blackhole.consume(f);
        return f.applyAsInt(x);
    }

    /** A static method reference (non-capturing). */
    @Benchmark
    public int methodRefStatic() {
        IntBinaryOperator f = Integer::sum;
        return f.applyAsInt(x, k);
    }

    /** A bound method reference: captures its receiver. */
    @Benchmark
    public int methodRefBound() {
        ToIntFunction<String> f = text::compareTo;
        return f.applyAsInt(other);
    }

    /** Invocation alone, of a capturing lambda created once (read from a field, so not a constant). */
    @Benchmark
    public int invokeStored() {
        return stored.applyAsInt(x);
    }
}
