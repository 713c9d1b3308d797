package dev.ferry.boot.specialize;

import dev.ferry.boot.byvalue.ByValue;
import dev.ferry.boot.wire.HookedStreams;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.classfile.AsmClassFileInspector;
import dev.ferry.boot.security.ReferencePolicy;
import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.api.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writer and reader halves of specializations in one JVM, through streams that call Ferry's hooks as the instrumented
 * JDK streams do. "Another JVM" is a second generator under the same id with its own cache, so the reader's classes
 * have other names than the writer's, as they do between JVMs. The forked-JVM behaviour, with Byte Buddy and the
 * agent, is specified by the integration tests in agent-test.
 */
class SpecializationsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The template; specializations are subclasses made with ASM in a loader that cannot find them by name. */
    public abstract static class Template implements Serializable {
        private static final long serialVersionUID = 1L;
        private String value;
        private boolean set;

        public Template() {
        }

        Template set(String newValue) {
            value = newValue;
            set = true;
            return this;
        }
    }

    /** Holds specializations as a field value, a class and an array. */
    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        Object value;
        Class<?> type;
        Object[] array;
    }

    /** A generator with its own cache and counter, like one JVM's. */
    static class Generator implements SpecializationGenerator {
        private final String id;
        private final Map<Specialization, Class<?>> cache = new ConcurrentHashMap<>();
        private final Map<Class<?>, Specialization> made = new ConcurrentHashMap<>();
        final AtomicInteger generated = new AtomicInteger();
        volatile boolean acceptsOrigins = true;
        volatile boolean hidden;
        volatile CountDownLatch gate;

        Generator(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Specialization describe(Class<?> type) {
            return made.get(type);
        }

        @Override
        public boolean accepts(Class<?> origin) {
            return acceptsOrigins && Template.class.isAssignableFrom(origin);
        }

        @Override
        public Class<?> specialize(Class<?> origin, List<Type> arguments) {
            Specialization key = Specialization.of(origin, arguments);
            Class<?> known = cache.get(key);
            if (known != null) {
                return known;
            }
            awaitGate();
            generated.incrementAndGet();
            Class<?> type = hidden ? hiddenSubclass(origin) : subclass(origin);
            cache.put(key, type); // racy on purpose: Ferry must not call twice at once
            made.put(type, key);
            return type;
        }

        Class<?> specialize(Class<?> origin, Type... arguments) {
            return specialize(origin, List.of(arguments));
        }

        private void awaitGate() {
            CountDownLatch latch = gate;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private final Generator writer = new Generator("unit.boxes");
    private final Generator reader = new Generator("unit.boxes");

    @BeforeEach
    void writerRegistered() {
        ByValue.install(null, List.of(), List.of(), ReferencePolicy.of(List.of(), List.of()),
                new AsmClassFileInspector());
        dev.ferry.api.Specializations.register(writer);
    }

    @AfterEach
    void unregister() {
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.unregister(reader);
    }

    private static Class<?> subclass(Class<?> origin) {
        String name = "unit/made/Made" + NAMES.incrementAndGet();
        byte[] bytes = subclassFile(name, origin, true);
        ClassLoader loader = new ClassLoader(origin.getClassLoader()) {
            {
                defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
            }
        };
        try {
            return Class.forName(name.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** A hidden class, as generators that define through a {@code Lookup} make them: it has no name to find. */
    private static Class<?> hiddenSubclass(Class<?> origin) {
        Class<?> anchor = subclass(origin); // a class of the generator's package to define hidden classes next to
        String name = anchor.getPackageName().replace('.', '/') + "/HiddenMade";
        try {
            java.lang.invoke.MethodHandles.Lookup lookup =
                    (java.lang.invoke.MethodHandles.Lookup) anchor.getMethod("lookup").invoke(null);
            return lookup.defineHiddenClass(subclassFile(name, origin, false), false).lookupClass();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A public subclass with a public constructor and, when asked, a static {@code lookup()} of itself. */
    private static byte[] subclassFile(String name, Class<?> origin, boolean withLookup) {
        String superName = origin.getName().replace('.', '/');
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, superName,
                new String[] {"java/io/Serializable"});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        if (withLookup) {
            String lookup = "()Ljava/lang/invoke/MethodHandles$Lookup;";
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup", lookup, null,
                    null);
            method.visitCode();
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", lookup, false);
            method.visitInsn(Opcodes.ARETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        return writer.toByteArray();
    }

    private static Template instance(Class<?> type, String value) throws Exception {
        return ((Template) type.getConstructor().newInstance()).set(value);
    }

    /** Writes with the writer's generator registered, then reads as another JVM whose generator is the reader's. */
    private Object roundTrip(Object graph) throws Exception {
        byte[] bytes = write(graph);
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.register(reader);
        return read(bytes);
    }

    private static byte[] write(Object graph) throws IOException {
        return write(graph, null);
    }

    /** Writes {@code graph}; with {@code forged}, the root's class descriptor carries that recipe instead. */
    private static byte[] write(Object graph, dev.ferry.boot.specialize.SpecializationRecipe forged) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new HookedOutput(bytes, graph.getClass(), forged)) {
            out.writeObject(graph);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new HookedInput(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Test
    void instance_should_read_as_the_readers_own_specialization_with_its_state_and_no_constructor()
            throws Exception {
        Class<?> written = writer.specialize(Template.class, Integer.class);
        Template read = (Template) roundTrip(instance(written, "forty-two"));
        Class<?> own = reader.specialize(Template.class, Integer.class);
        assertSame(own, read.getClass());
        assertNotEquals(written.getName(), own.getName());
        assertEquals("forty-two", read.value);
        assertTrue(read.set);
        assertEquals(1, reader.generated.get());
    }

    @Test
    void class_object_of_a_hidden_specialization_should_travel_as_its_specialization() throws Exception {
        // instances of hidden classes cannot be read: the JDK's serialization constructor names the class
        writer.hidden = true;
        reader.hidden = true;
        Holder holder = new Holder();
        holder.type = writer.specialize(Template.class, Short.class);
        Holder read = (Holder) roundTrip(holder);
        assertTrue(holder.type.isHidden());
        assertSame(reader.specialize(Template.class, Short.class), read.type);
    }

    @Test
    void every_argument_shape_should_reach_the_readers_generator_equal_to_the_writers() throws Exception {
        Class<?> inner = writer.specialize(Template.class, Integer.class);
        List<Type> arguments = List.of(int.class, String[].class, inner, inner.arrayType(),
                Types.parameterized(List.class, inner), Types.parameterized(Map.Entry.class, String.class, inner),
                Types.arrayOf(Types.parameterized(List.class, String.class)), Types.subtypeOf(Number.class),
                Types.supertypeOf(inner), Types.subtypeOf(Object.class));
        Class<?> written = writer.specialize(Template.class, arguments);
        Holder holder = new Holder();
        holder.value = instance(written, "shapes");
        holder.type = written;
        holder.array = (Object[]) java.lang.reflect.Array.newInstance(inner, 1);
        holder.array[0] = instance(inner, "in an array");

        Holder read = (Holder) roundTrip(holder);

        Class<?> ownInner = reader.specialize(Template.class, Integer.class);
        List<Type> expected = List.of(int.class, String[].class, ownInner, ownInner.arrayType(),
                Types.parameterized(List.class, ownInner), Types.parameterized(Map.Entry.class, String.class, ownInner),
                Types.arrayOf(Types.parameterized(List.class, String.class)), Types.subtypeOf(Number.class),
                Types.supertypeOf(ownInner), Types.subtypeOf(Object.class));
        assertEquals(Specialization.of(Template.class, expected), reader.describe(read.value.getClass()));
        assertSame(read.value.getClass(), read.type);
        assertSame(ownInner.arrayType(), read.array.getClass());
        assertSame(ownInner, read.array[0].getClass());
        assertEquals(2, reader.generated.get());
    }

    @Test
    void unknown_generator_id_should_be_refused_naming_it_and_the_origin_and_nothing_generated() throws Exception {
        Generator other = new Generator("unit.other");
        dev.ferry.api.Specializations.register(other);
        try {
            Class<?> inner = writer.specialize(Template.class, Integer.class);
            byte[] bytes = write(instance(other.specialize(Template.class, inner), "x"));
            dev.ferry.api.Specializations.unregister(other);
            dev.ferry.api.Specializations.unregister(writer);
            dev.ferry.api.Specializations.register(reader);

            InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(bytes));

            assertTrue(refused.getMessage().contains("generator 'unit.other'"), refused.getMessage());
            assertTrue(refused.getMessage().contains(Template.class.getName()), refused.getMessage());
            assertEquals(0, reader.generated.get(), "the known inner specialization must not be generated");
        } finally {
            dev.ferry.api.Specializations.unregister(other);
        }
    }

    @Test
    void origin_the_readers_generator_refuses_should_be_refused_naming_both() throws Exception {
        byte[] bytes = write(instance(writer.specialize(Template.class, String.class), "x"));
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.register(reader);
        reader.acceptsOrigins = false;

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(bytes));

        assertTrue(refused.getMessage().contains("by generator 'unit.boxes' refused: the generator does not accept"
                + " this origin"), refused.getMessage());
        assertTrue(refused.getMessage().contains(Template.class.getName()), refused.getMessage());
        assertEquals(0, reader.generated.get());
    }

    @Test
    void argument_the_streams_filter_rejects_should_be_refused_before_any_generator_runs() throws Exception {
        byte[] bytes = write(instance(writer.specialize(Template.class, java.util.BitSet.class), "x"));
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.register(reader);
        // as in ObjectInputStream's own check, a filter that answers null or throws rejects too
        List<java.io.ObjectInputFilter.Status> answers = java.util.Arrays.asList(
                java.io.ObjectInputFilter.Status.REJECTED, null);
        List<java.io.ObjectInputFilter> filters = new ArrayList<>();
        answers.forEach(answer -> filters.add(info -> info.serialClass() == java.util.BitSet.class ? answer
                : java.io.ObjectInputFilter.Status.UNDECIDED));
        filters.add(info -> {
            if (info.serialClass() == java.util.BitSet.class) {
                throw new IllegalStateException("not BitSet");
            }
            return java.io.ObjectInputFilter.Status.UNDECIDED;
        });

        for (java.io.ObjectInputFilter filter : filters) {
            InvalidClassException refused = assertThrows(InvalidClassException.class, () -> {
                try (ObjectInputStream in = new HookedInput(new ByteArrayInputStream(bytes))) {
                    in.setObjectInputFilter(filter);
                    in.readObject();
                }
            });
            assertTrue(refused.getMessage().contains("the stream's filter rejected java.util.BitSet"),
                    refused.getMessage());
        }
        assertEquals(0, reader.generated.get());
    }

    @Test
    void generator_registered_after_a_class_was_first_written_should_apply_to_later_writes() throws Exception {
        Generator late = new Generator("unit.late");
        try {
            Template object = instance(late.specialize(Template.class, Byte.class), "late");
            byte[] before = write(object);
            dev.ferry.api.Specializations.register(late);
            byte[] after = write(object);

            assertThrows(ClassNotFoundException.class, () -> read(before));
            assertSame(object.getClass(), read(after).getClass());
        } finally {
            dev.ferry.api.Specializations.unregister(late);
        }
    }

    @Test
    void malformed_argument_should_be_refused_before_a_nested_specialization_is_generated() throws Exception {
        Class<?> inner = writer.specialize(Template.class, Integer.class);
        dev.ferry.boot.specialize.TypeNode.Specialized nested = new dev.ferry.boot.specialize.TypeNode.Specialized(
                "unit.boxes", new dev.ferry.boot.specialize.TypeNode.ClassLeaf(Template.class, false),
                List.of(new dev.ferry.boot.specialize.TypeNode.ClassLeaf(Integer.class, false)));
        dev.ferry.boot.specialize.TypeNode notGeneric = new dev.ferry.boot.specialize.TypeNode.Parameterized(null,
                new dev.ferry.boot.specialize.TypeNode.ClassLeaf(String.class, false), List.of());
        dev.ferry.boot.specialize.SpecializationRecipe forged = new dev.ferry.boot.specialize.SpecializationRecipe(
                new dev.ferry.boot.specialize.TypeNode.Specialized("unit.boxes",
                        new dev.ferry.boot.specialize.TypeNode.ClassLeaf(Template.class, false),
                        List.of(nested, notGeneric)));
        byte[] bytes = write(instance(inner, "x"), forged);
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.register(reader);

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(bytes));

        assertTrue(refused.getMessage().contains("java.lang.String has 0 type parameters"), refused.getMessage());
        assertEquals(0, reader.generated.get(), "the nested Template<Integer> must not be generated");
    }

    /** A provider for the ServiceLoader test: public, with a public constructor. */
    public static final class ServiceGenerator extends Generator {
        public ServiceGenerator() {
            super("unit.service");
        }
    }

    @Test
    void broken_service_entry_should_not_hide_the_generators_listed_after_it(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path directory) throws Exception {
        java.nio.file.Path services = directory.resolve("META-INF/services");
        java.nio.file.Files.createDirectories(services);
        java.nio.file.Files.writeString(services.resolve(SpecializationGenerator.class.getName()),
                "no.such.Generator\n" + ServiceGenerator.class.getName() + "\n");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {directory.toUri().toURL()}, SpecializationsTest.class.getClassLoader())) {
            SpecializationGenerator found = SpecializationGenerators.byId("unit.service", loader);
            assertTrue(found instanceof ServiceGenerator, String.valueOf(found));
        }
    }

    @Test
    void type_variable_argument_should_be_refused_by_the_writer_naming_its_path() throws Exception {
        Type variable = List.class.getTypeParameters()[0];
        Class<?> written = writer.specialize(Template.class, Types.parameterized(List.class,
                Types.subtypeOf(variable)));

        NotSerializableException refused = assertThrows(NotSerializableException.class,
                () -> write(instance(written, "x")));

        assertTrue(refused.getMessage().contains("its argument " + Template.class.getName() + "<#0> > java.util.List<#0>"
                + " > ? extends #0 is the type variable E (declared by java.util.List)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("generator 'unit.boxes'"), refused.getMessage());
    }

    @Test
    void nesting_deeper_than_the_readers_limit_should_be_refused_by_the_writer() throws Exception {
        Class<?> nested = writer.specialize(Template.class, Integer.class);
        for (int depth = 1; depth <= dev.ferry.boot.specialize.TypeNode.MAX_DEPTH; depth++) {
            nested = writer.specialize(Template.class, nested);
        }
        Class<?> deepest = nested;

        NotSerializableException refused = assertThrows(NotSerializableException.class,
                () -> write(instance(deepest, "deep")));

        assertTrue(refused.getMessage().contains("nested deeper than 32 levels"), refused.getMessage());
    }

    @Test
    void concurrent_first_reads_should_call_the_generator_once() throws Exception {
        byte[] bytes = write(instance(writer.specialize(Template.class, Long.class), "raced"));
        dev.ferry.api.Specializations.unregister(writer);
        dev.ferry.api.Specializations.register(reader);
        reader.gate = new CountDownLatch(1);
        int threads = 8;
        List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            readers.add(thread);
            return thread;
        });
        try {
            List<Future<Object>> reads = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                reads.add(pool.submit(() -> read(bytes)));
            }
            // every reader is inside its read: one at the generator's gate, the others waiting for that call
            await().until(() -> readers.size() == threads
                    && readers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
            reader.gate.countDown();
            Class<?> first = reads.get(0).get().getClass();
            for (Future<Object> read : reads) {
                assertSame(first, read.get().getClass());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reader.generated.get());
    }

    /** Ferry's annotations, and a forged one for {@code forgedClass}. */
    private static final class HookedOutput extends HookedStreams.Output {
        private final Class<?> forgedClass;
        private final dev.ferry.boot.specialize.SpecializationRecipe forged;

        HookedOutput(ByteArrayOutputStream out, Class<?> forgedClass,
                dev.ferry.boot.specialize.SpecializationRecipe forged) throws IOException {
            super(out);
            this.forgedClass = forgedClass;
            this.forged = forged;
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            if (forged != null && type == forgedClass) {
                HookedStreams.writeHead(this, "specialization", 0);
                forged.write(this);
                return;
            }
            super.annotateClass(type);
        }
    }

    private static final class HookedInput extends HookedStreams.Input {
        HookedInput(ByteArrayInputStream in) throws IOException {
            super(in, SpecializationsTest.class.getClassLoader());
        }
    }
}
