package dev.ferry.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trip of generated-class objects with a warm registry (a fresh {@code ObjectOutputStream} and
 * {@code ObjectInputStream} over byte arrays per operation, as {@link RoundTripBench}), against the same shape of an
 * ordinary class:
 *
 * <ul>
 *   <li>{@link #generatedObject}: one object of a Byte Buddy {@code BuddySquare} ({@link GeneratedShapes}) per
 *       stream; needs the agent with a key: the stream carries the class's recipe, the reader's registry recognizes
 *       it (tag and bytes seen before) and returns the class it materialized in the set-up;
 *   <li>{@link #ordinaryObject}: one {@link PlainSquare}, the same fields, from the class path;
 *   <li>{@link #generatedObjects} and {@link #ordinaryObjects}: {@value #PER_STREAM} objects in one stream, where the
 *       recipe, written once per stream, weighs less.
 * </ul>
 * Target: generated ≥ 0.9× ordinary. {@link ByValueBenchPhase} runs all four with {@code keyFile=} and the ordinary
 * two also in a fork without the agent, which are the baselines.
 *
 * <p>The set-up fails unless the generated object reads back as an instance of a class Ferry's registry materialized,
 * and every iteration fails if the registry materialized a class during it (the benchmark would then measure first
 * materializations, {@link FirstMaterializationBench}, not the warm registry).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class GeneratedClassRoundTripBench {

    static final int PER_STREAM = 100;

    /** Objects of one generated class, whose class the registry materialized once in the set-up. */
    @State(Scope.Thread)
    public static class Generated {
        Shape one;
        Shape[] many;
        /** Keeps the materialized class, and so its Ferry loader, alive: the registry holds loaders weakly. */
        Class<?> materialized;
        long materializedBefore;

        @Setup(Level.Trial)
        public void setUp() {
            AgentProbe.checkVariant();
            Class<? extends Shape> type = GeneratedShapes.newClass();
            one = GeneratedShapes.instance(type, 41);
            many = GeneratedShapes.instances(type, PER_STREAM);
            materialized = ByValueProbe.requireMaterializedRoundTrip(one).getClass();
        }

        @Setup(Level.Iteration)
        public void countBefore() {
            materializedBefore = ByValueProbe.materializedClasses();
        }

        @TearDown(Level.Iteration)
        public void requireWarmRegistry() {
            long defined = ByValueProbe.materializedClasses() - materializedBefore;
            if (defined != 0) {
                throw new IllegalStateException("Ferry's registry materialized " + defined + " classes during this"
                        + " iteration: the registry was not warm (was " + materialized.getName() + " unloaded?)");
            }
        }
    }

    /** The same shape from the class path. */
    @State(Scope.Thread)
    public static class Ordinary {
        Shape one;
        Shape[] many;

        @Setup(Level.Trial)
        public void setUp() {
            AgentProbe.checkVariant();
            one = new PlainSquare(41);
            many = GeneratedShapes.plainSquares(PER_STREAM);
        }
    }

    @Benchmark
    public int generatedObject(Generated state) throws IOException, ClassNotFoundException {
        return roundTrip(state.one);
    }

    @Benchmark
    public int ordinaryObject(Ordinary state) throws IOException, ClassNotFoundException {
        return roundTrip(state.one);
    }

    @Benchmark
    public int generatedObjects(Generated state) throws IOException, ClassNotFoundException {
        return roundTrip(state.many);
    }

    @Benchmark
    public int ordinaryObjects(Ordinary state) throws IOException, ClassNotFoundException {
        return roundTrip(state.many);
    }

    static int roundTrip(Shape shape) throws IOException, ClassNotFoundException {
        return ((Shape) Payloads.read(Payloads.write(shape))).size();
    }

    static int roundTrip(Shape[] shapes) throws IOException, ClassNotFoundException {
        int sum = 0;
        for (Object back : Payloads.readEach(Payloads.writeEach(shapes), shapes.length)) {
            sum += ((Shape) back).size();
        }
        return sum;
    }
}
