package dev.ferry.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
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
 * Latency of the first round trip of a generated class: every invocation gets, in its untimed set-up, an object of a
 * class generated just then ({@link GeneratedShapes#newClass()}: a new class in a new loader, so a new recipe for the
 * registry, whose tag it has never verified), and the time of each invocation is sampled.
 *
 * <ul>
 *   <li>{@link #firstWriteAndRead}: write (the writer inspects the class and tags its recipe) and read (the reader
 *       verifies the tag, inspects the bytes, and defines the class in a new Ferry loader); needs the agent with a key;
 *   <li>{@link #firstRead}: the read alone, of a stream written in the set-up: the materialization proper;
 *   <li>{@link #firstWriteAndReadWithoutFerry}: the baseline, in a JVM without the agent: the same new class written,
 *       and read by a stream that resolves it to the writer's class; what the JDK spends on a class it serializes for
 *       the first time (its {@code ObjectStreamClass}), which Ferry's reader spends again for the class it defines.
 * </ul>
 * Each iteration checks that the registry materialized exactly one class per invocation.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FirstMaterializationBench {

    /** An object of a class no stream has carried yet, new for every invocation. */
    @State(Scope.Thread)
    public static class FreshClass {
        Shape object;
        /** Invocations, and classes materialized by the registry, since the iteration began. */
        long invocations;
        long materializedBefore;
        boolean byValue;

        @Setup(Level.Trial)
        public void setUp() {
            AgentProbe.checkVariant();
            byValue = !"baseline".equals(System.getProperty(AgentProbe.VARIANT_PROPERTY));
            if (byValue) {
                ByValueProbe.requireMaterializedRoundTrip(GeneratedShapes.instance(GeneratedShapes.newClass(), 41));
            } else if (AgentProbe.inactiveReason() == null) {
                throw new IllegalStateException("the baseline must run without the agent");
            }
        }

        @Setup(Level.Iteration)
        public void countBefore() {
            invocations = 0;
            materializedBefore = byValue ? ByValueProbe.materializedClasses() : 0;
        }

        @Setup(Level.Invocation)
        public void newClass() throws IOException {
            object = GeneratedShapes.instance(GeneratedShapes.newClass(), 41);
            invocations++;
            prepare();
        }

        void prepare() throws IOException {
        }

        @TearDown(Level.Iteration)
        public void requireOneMaterializationPerInvocation() {
            if (!byValue) {
                return;
            }
            long defined = ByValueProbe.materializedClasses() - materializedBefore;
            if (defined != invocations) {
                throw new IllegalStateException("Ferry's registry materialized " + defined + " classes in "
                        + invocations + " invocations: each should have materialized exactly one");
            }
        }
    }

    /** A stream holding an object of a class no stream has carried yet, written in the set-up. */
    @State(Scope.Thread)
    public static class FreshStream extends FreshClass {
        byte[] written;

        @Override
        void prepare() throws IOException {
            written = Payloads.write(object);
        }
    }

    @Benchmark
    public int firstWriteAndRead(FreshClass fresh) throws IOException, ClassNotFoundException {
        return ((Shape) Payloads.read(Payloads.write(fresh.object))).size();
    }

    @Benchmark
    public int firstRead(FreshStream fresh) throws IOException, ClassNotFoundException {
        return ((Shape) Payloads.read(fresh.written)).size();
    }

    @Benchmark
    public int firstWriteAndReadWithoutFerry(FreshClass fresh) throws IOException, ClassNotFoundException {
        byte[] bytes = Payloads.write(fresh.object);
        try (ObjectInputStream in = new LocalClassInputStream(bytes, fresh.object.getClass())) {
            return ((Shape) in.readObject()).size();
        }
    }

    /** Resolves the generated class's name to the writer's class, which a class loader cannot find by name. */
    static final class LocalClassInputStream extends ObjectInputStream {
        private final Class<?> generated;

        LocalClassInputStream(byte[] bytes, Class<?> generated) throws IOException {
            super(new ByteArrayInputStream(bytes));
            this.generated = generated;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            if (descriptor.getName().equals(generated.getName())) {
                return generated;
            }
            if (descriptor.getName().startsWith("dev.ferry.agent.")) {
                throw new InvalidClassException(descriptor.getName(), "the baseline must run without the agent");
            }
            return super.resolveClass(descriptor);
        }
    }
}
