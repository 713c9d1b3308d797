package dev.ferry.boot.byvalue;

import dev.ferry.boot.wire.ClassShipping;
import dev.ferry.boot.wire.HookedStreams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.agent.classfile.AsmClassFileInspector;
import dev.ferry.boot.security.IntegrityKey;
import dev.ferry.boot.security.ReferencePolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writer and registry in one JVM, without the stream hooks: a recipe made by the writer's decision logic from a class
 * defined by a loader that cannot return it by name, verified and materialized by the registry. The cross-JVM
 * behaviour, with real generators and the hooks, is specified by the integration tests in agent-test.
 */
class ClassRegistryTest {

    private static final byte[] KEY = "ferry-unit-test-key-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static void install(byte[] key) {
        ByValue.install(key == null ? null : IntegrityKey.of(key), List.of(), List.of(),
                ReferencePolicy.of(List.of(), List.of()), new AsmClassFileInspector());
    }

    /** A generated class with a static field a "generator" sets after definition, like Byte Buddy's delegates. */
    private static Class<?> generated(boolean callsExec, Class<?> linked) throws Exception {
        String name = "example/generated/Made" + NAMES.incrementAndGet();
        byte[] bytes = classFile(name, callsExec, linked);
        ClassLoader parent = linked == null ? ClassRegistryTest.class.getClassLoader() : linked.getClassLoader();
        ClassLoader loader = new ClassLoader(parent) {
            {
                defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
            }
        };
        GeneratedClasses.record(loader, name, bytes);
        Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
        type.getField("greeting").set(null, "set by the generator");
        type.getField("count").set(null, 7);
        return type;
    }

    private static byte[] classFile(String name, boolean callsExec, Class<?> linked) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/io/Serializable"});
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "greeting", "Ljava/lang/String;", null, null)
                .visitEnd();
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "count", "Ljava/lang/Object;", null, null)
                .visitEnd();
        MethodVisitor greet = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "greet",
                "()Ljava/lang/String;", null, null);
        greet.visitCode();
        greet.visitFieldInsn(Opcodes.GETSTATIC, name, "greeting", "Ljava/lang/String;");
        greet.visitInsn(Opcodes.ARETURN);
        greet.visitMaxs(0, 0);
        greet.visitEnd();
        if (linked != null) {
            MethodVisitor link = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "helper",
                    "()Ljava/lang/Class;", null, null);
            link.visitCode();
            link.visitLdcInsn(org.objectweb.asm.Type.getType(linked));
            link.visitInsn(Opcodes.ARETURN);
            link.visitMaxs(0, 0);
            link.visitEnd();
        }
        if (callsExec) {
            MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null,
                    new String[] {"java/io/IOException"});
            run.visitCode();
            run.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;",
                    false);
            run.visitLdcInsn("true");
            run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "exec",
                    "(Ljava/lang/String;)Ljava/lang/Process;", false);
            run.visitInsn(Opcodes.POP);
            run.visitInsn(Opcodes.RETURN);
            run.visitMaxs(0, 0);
            run.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static ClassLoader context() {
        return ClassRegistryTest.class.getClassLoader();
    }

    /** A stream holding the class (its descriptor carries its recipe, as Ferry's writer decides). */
    private static byte[] written(Class<?> type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new HookedStreams.Output(bytes)) {
            out.writeObject(type);
        }
        return bytes.toByteArray();
    }

    private static Class<?> read(byte[] stream, ObjectInputFilter filter) throws Exception {
        try (ObjectInputStream in = new HookedStreams.Input(new ByteArrayInputStream(stream), context())) {
            if (filter != null) {
                in.setObjectInputFilter(filter);
            }
            return (Class<?>) in.readObject();
        }
    }

    private static Class<?> read(byte[] stream) throws Exception {
        return read(stream, null);
    }

    @Test
    void recipe_should_materialize_with_its_static_state_in_a_ferry_loader_under_the_streams_loader()
            throws Exception {
        install(KEY);
        Class<?> type = generated(false, null);

        Class<?> materialized = read(written(type));

        assertNotSame(type, materialized);
        assertEquals(type.getName(), materialized.getName());
        assertEquals(RecipeClassLoader.class, materialized.getClassLoader().getClass());
        assertSame(context(), materialized.getClassLoader().getParent());
        assertEquals("set by the generator", materialized.getMethod("greet").invoke(null));
    }

    @Test
    void second_materialization_should_return_the_same_class_from_the_registry() throws Exception {
        install(KEY);
        byte[] stream = written(generated(false, null));
        Class<?> first = read(stream);
        long hits = AgentCounters.snapshot().get("registry.hits");

        Class<?> second = read(stream);

        assertSame(first, second);
        assertEquals(hits + 1, AgentCounters.snapshot().get("registry.hits"));
    }

    @Test
    void flipped_class_byte_should_be_refused_before_anything_is_defined() throws Exception {
        install(KEY);
        byte[] stream = written(generated(false, null));
        stream[indexOf(stream, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}) + 40] ^= 0x01;
        long materialized = AgentCounters.snapshot().get("classes.materialized");

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("HMAC-SHA256 tag does not verify"), refused.getMessage());
        assertEquals(materialized, AgentCounters.snapshot().get("classes.materialized"));
    }

    @Test
    void recipe_signed_with_another_key_should_be_refused() throws Exception {
        install(KEY);
        byte[] stream = written(generated(false, null));
        byte[] otherKey = KEY.clone();
        otherKey[3] ^= 1;
        install(otherKey);

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("HMAC"), refused.getMessage());
    }

    @Test
    void reader_without_key_should_refuse_and_say_how_to_enable_by_value() throws Exception {
        install(KEY);
        byte[] stream = written(generated(false, null));
        install(null);

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("keyFile="), refused.getMessage());
    }

    @Test
    void class_calling_runtime_exec_should_be_refused_by_the_deny_list() throws Exception {
        install(KEY);
        byte[] stream = written(generated(true, null));

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("denied reference java.lang.Runtime#exec"), refused.getMessage());
    }

    @Test
    void recipe_replayed_without_its_links_should_be_refused_and_change_nothing_for_the_legitimate_one()
            throws Exception {
        install(KEY);
        Class<?> helper = generated(false, null);
        byte[] stream = written(generated(false, helper));
        ClassRecipes.Closure legitimate = closureOf(stream);
        assertEquals(2, legitimate.recipes().size(), "the class links its generated helper");
        ClassRecipe root = legitimate.root();
        ClassRecipe stripped = new ClassRecipe(root.name(), root.jvmId(), root.loaderNumber(), root.bytes(),
                root.staticState(), root.tag());
        stripped.link(new ClassRecipe[0]);

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> ClassRegistry.materialize(new ClassRecipes.Closure(List.of(stripped),
                        legitimate.superTypes()), null));

        assertTrue(refused.getMessage().contains("linked classes were changed"), refused.getMessage());
        Class<?> read = read(stream);
        assertEquals("set by the generator", read.getMethod("greet").invoke(null));
    }

    @Test
    void static_state_the_streams_filter_rejects_should_leave_the_class_for_a_later_stream_to_finish()
            throws Exception {
        install(KEY);
        byte[] stream = written(generated(false, null));
        ObjectInputFilter noIntegers = info -> info.serialClass() == Integer.class
                ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;

        assertThrows(InvalidClassException.class, () -> read(stream, noIntegers));

        Class<?> read = read(stream);
        assertEquals("set by the generator", read.getMethod("greet").invoke(null));
        assertEquals(7, read.getField("count").get(null));
    }

    /** The closure a stream's first annotation holds, as the reader parses it (nothing verified or defined). */
    private static ClassRecipes.Closure closureOf(byte[] stream) throws Exception {
        ClassRecipes.Closure[] parsed = new ClassRecipes.Closure[1];
        try (ObjectInputStream in = new HookedStreams.Input(new ByteArrayInputStream(stream), context()) {
            @Override
            protected Class<?> resolveAnnotated(ObjectStreamClass descriptor) throws IOException,
                    ClassNotFoundException {
                readFully(new byte[7]); // the annotation's head
                parsed[0] = ClassRecipes.read(this, descriptor.getName());
                throw new ClassNotFoundException("parsed only");
            }
        }) {
            in.readObject();
        } catch (ClassNotFoundException expected) {
            // the descriptor was parsed, not resolved
        }
        return parsed[0];
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    @Test
    void writer_without_key_should_mark_generated_classes_instead_of_shipping_them() throws Exception {
        install(null);
        Class<?> type = generated(false, null);

        assertEquals(ClassShipping.Kind.NO_KEY, ClassShipping.of(type).kind);
        assertEquals(ClassShipping.Kind.BY_NAME, ClassShipping.of(ClassRegistryTest.class).kind);
    }
}
