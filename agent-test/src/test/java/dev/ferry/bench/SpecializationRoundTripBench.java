package dev.ferry.bench;

import java.io.IOException;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trip of objects of a generated specialization (a fresh {@code ObjectOutputStream} and
 * {@code ObjectInputStream} per operation, as {@link GeneratedClassRoundTripBench}) against the same shape of an
 * ordinary class: each stream carries the specialization recipe, and the reader asks the generator, whose cache
 * answers. Both need the agent (no key); the baseline is {@link GeneratedClassRoundTripBench}'s ordinary objects
 * without the agent. The set-up fails unless the object reads back through a specialization recipe.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SpecializationRoundTripBench {

    static final int PER_STREAM = GeneratedClassRoundTripBench.PER_STREAM;

    @State(Scope.Thread)
    public static class Specialized {
        Shape one;
        Shape[] many;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            AgentProbe.checkVariant();
            Class<? extends Shape> type = SpecializedSquares.specialization(Integer.class);
            one = GeneratedShapes.instance(type, 41);
            many = GeneratedShapes.instances(type, PER_STREAM);
            long before = specializationsRead();
            Object back = Payloads.read(Payloads.write(one));
            if (back.getClass() != type || specializationsRead() != before + 1) {
                throw new IllegalStateException("the specialization did not read back through its recipe (read as "
                        + back.getClass().getName() + "): run with -javaagent:ferry-agent.jar");
            }
        }
    }

    @Benchmark
    public int specializedObject(Specialized state) throws IOException, ClassNotFoundException {
        return GeneratedClassRoundTripBench.roundTrip(state.one);
    }

    @Benchmark
    public int specializedObjects(Specialized state) throws IOException, ClassNotFoundException {
        return GeneratedClassRoundTripBench.roundTrip(state.many);
    }

    /** Ferry's {@code specializations.read} counter, from its boot classes. */
    static long specializationsRead() throws ReflectiveOperationException {
        Class<?> counters = Class.forName("dev.ferry.boot.diagnostics.AgentCounters", false, null);
        return (Long) ((Map<?, ?>) counters.getMethod("snapshot").invoke(null)).get("specializations.read");
    }
}
