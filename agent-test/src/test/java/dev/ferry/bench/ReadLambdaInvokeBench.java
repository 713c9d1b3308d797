package dev.ferry.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Calling a lambda that was read back from a stream against calling the same lambda made locally, in one JVM with the
 * agent: the per-call cost a worker pays on every record it applies a received lambda to. Three shapes: an
 * {@code IntUnaryOperator} capturing one int, a {@code Function<String, Integer>} capturing one int, and a lambda
 * capturing three values (an int, a long and a String). Each benchmark method has its own call site, so each sees
 * one lambda class, as a worker's loop does. Target: read / local ≤ 1.10 for every shape.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ReadLambdaInvokeBench {

    /** The shapes, made where the benchmark cannot see their captured values as constants. */
    public static final class Shapes {
        private Shapes() {
        }

        public static IntUnaryOperator scaled(int k) {
            return x -> x * k + 1;
        }

        public static Function<String, Integer> lengthPlus(int k) {
            return s -> s.length() + k;
        }

        public static IntUnaryOperator threeCaptures(int k, long l, String s) {
            return x -> (int) (x * k + l) - s.length();
        }
    }

    int x;
    String text = "ferry";
    IntUnaryOperator localScaled;
    IntUnaryOperator readScaled;
    Function<String, Integer> localLength;
    Function<String, Integer> readLength;
    IntUnaryOperator localThree;
    IntUnaryOperator readThree;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setUp() {
        AgentProbe.checkVariant();
        localScaled = Shapes.scaled(3);
        readScaled = (IntUnaryOperator) Payloads.roundTrip(Shapes.scaled(3));
        localLength = Shapes.lengthPlus(2);
        readLength = (Function<String, Integer>) Payloads.roundTrip(Shapes.lengthPlus(2));
        localThree = Shapes.threeCaptures(3, 7L, "ab");
        readThree = (IntUnaryOperator) Payloads.roundTrip(Shapes.threeCaptures(3, 7L, "ab"));
        if (readScaled.getClass() == localScaled.getClass() || readScaled.applyAsInt(5) != localScaled.applyAsInt(5)
                || readLength.apply("abc").intValue() != localLength.apply("abc").intValue()
                || readThree.applyAsInt(5) != localThree.applyAsInt(5)) {
            throw new IllegalStateException("the read lambdas must be Ferry's and compute what the local ones do");
        }
    }

    @Benchmark
    public int scaledLocal() {
        return localScaled.applyAsInt(x++);
    }

    @Benchmark
    public int scaledRead() {
        return readScaled.applyAsInt(x++);
    }

    @Benchmark
    public Integer lengthLocal() {
        return localLength.apply(text);
    }

    @Benchmark
    public Integer lengthRead() {
        return readLength.apply(text);
    }

    @Benchmark
    public int threeCapturesLocal() {
        return localThree.applyAsInt(x++);
    }

    @Benchmark
    public int threeCapturesRead() {
        return readThree.applyAsInt(x++);
    }
}
