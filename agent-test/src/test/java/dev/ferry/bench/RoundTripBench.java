package dev.ferry.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
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

/**
 * Round trip: write and read back (a fresh {@code ObjectOutputStream} and {@code ObjectInputStream} over byte arrays
 * per operation) and call the object read back.
 *
 * <ul>
 *   <li>{@link #ferryLambda}: a plain {@code IntUnaryOperator} capturing one int; needs the agent (Ferry's recipe);
 *   <li>{@link #jdkSerializableLambda}: the same lambda made serializable by javac (the JDK's {@code SerializedLambda}
 *       route);
 *   <li>{@link #plainObject}: an ordinary serializable object with one int field.
 * </ul>
 * Targets: Ferry ≥ 4× the JDK route's throughput, ≥ 0.85× the plain object's. {@link BenchSuite} runs all three
 * in a fork with the agent and the last two also in a fork without, which are the baselines.
 *
 * <p>Five warm-up iterations, not three, and ten for the JDK route, whose throughput settles only after about ten
 * seconds on a 2-core machine (its deep call tree keeps the JIT busy).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RoundTripBench {

    int k = 41;
    int x = 1;
    IntUnaryOperator ferry;
    IntUnaryOperator jdk;
    PlainInt plain;

    @Setup(Level.Trial)
    public void setUp() {
        AgentProbe.checkVariant();
        jdk = Payloads.jdkLambda(k);
        plain = Payloads.plainObject(k);
        if (!"baseline".equals(System.getProperty(AgentProbe.VARIANT_PROPERTY))) {
            ferry = Payloads.ferryLambda(k);
        }
    }

    @Benchmark
    public int ferryLambda() throws IOException, ClassNotFoundException {
        return ((IntUnaryOperator) Payloads.read(Payloads.write(ferry))).applyAsInt(x);
    }

    @Benchmark
    @Warmup(iterations = 10, time = 2)
    public int jdkSerializableLambda() throws IOException, ClassNotFoundException {
        return ((IntUnaryOperator) Payloads.read(Payloads.write(jdk))).applyAsInt(x);
    }

    @Benchmark
    public int plainObject() throws IOException, ClassNotFoundException {
        return ((PlainInt) Payloads.read(Payloads.write(plain))).applyAsInt(x);
    }
}
