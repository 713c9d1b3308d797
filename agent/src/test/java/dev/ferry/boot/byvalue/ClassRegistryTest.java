package dev.ferry.boot.byvalue;

import dev.ferry.boot.wire.ClassShipping;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.ObjectInputStream;
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
        ByValue.install(key == null ? null : IntegrityKey.of(key), null, List.of(), List.of(),
                ReferencePolicy.of(List.of(), List.of()), new AsmClassFileInspector());
    }

    /** A generated class with a static field a "generator" sets after definition, like Byte Buddy's delegates. */
    private static Class<?> generated(boolean callsExec) throws Exception {
        String name = "example/generated/Made" + NAMES.incrementAndGet();
        byte[] bytes = classFile(name, callsExec);
        ClassLoader loader = new ClassLoader(ClassRegistryTest.class.getClassLoader()) {
            {
                defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
            }
        };
        GeneratedClasses.record(loader, name, bytes);
        Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
        type.getField("greeting").set(null, "set by the generator");
        return type;
    }

    private static byte[] classFile(String name, boolean callsExec) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/io/Serializable"});
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "greeting", "Ljava/lang/String;", null, null)
                .visitEnd();
        MethodVisitor greet = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "greet",
                "()Ljava/lang/String;", null, null);
        greet.visitCode();
        greet.visitFieldInsn(Opcodes.GETSTATIC, name, "greeting", "Ljava/lang/String;");
        greet.visitInsn(Opcodes.ARETURN);
        greet.visitMaxs(0, 0);
        greet.visitEnd();
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

    private static ClassRecipe recipe(Class<?> type) {
        ClassRecipe recipe = ClassShipping.recipeOf(type);
        assertTrue(recipe != null, "the writer should ship " + type + " by value");
        return recipe;
    }

    private static ClassLoader context() {
        return ClassRegistryTest.class.getClassLoader();
    }

    @Test
    void recipe_should_materialize_with_its_static_state_in_a_ferry_loader_under_the_context() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(false));

        Class<?> materialized = ClassRegistry.materialize(recipe, context());

        assertEquals(RecipeClassLoader.class, materialized.getClassLoader().getClass());
        assertSame(context(), materialized.getClassLoader().getParent());
        assertEquals("set by the generator", materialized.getMethod("greet").invoke(null));
    }

    @Test
    void second_materialization_should_return_the_same_class_from_the_registry() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(false));
        Class<?> first = ClassRegistry.materialize(recipe, context());
        long hits = AgentCounters.snapshot().get("registry.hits");

        Class<?> second = ClassRegistry.materialize(copy(recipe, -1), context());

        assertSame(first, second);
        assertEquals(hits + 1, AgentCounters.snapshot().get("registry.hits"));
    }

    @Test
    void flipped_class_byte_should_be_refused_before_anything_is_defined() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(false));
        long materialized = AgentCounters.snapshot().get("classes.materialized");

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> ClassRegistry.materialize(copy(recipe, 40), context()));

        assertTrue(refused.getMessage().contains("HMAC-SHA256 tag does not verify"), refused.getMessage());
        assertEquals(materialized, AgentCounters.snapshot().get("classes.materialized"));
    }

    @Test
    void recipe_signed_with_another_key_should_be_refused() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(false));
        byte[] otherKey = KEY.clone();
        otherKey[3] ^= 1;
        install(otherKey);

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> ClassRegistry.materialize(recipe, context()));

        assertTrue(refused.getMessage().contains("HMAC"), refused.getMessage());
    }

    @Test
    void reader_without_key_should_refuse_and_say_how_to_enable_by_value() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(false));
        install(null);

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> ClassRegistry.materialize(recipe, context()));

        assertTrue(refused.getMessage().contains("keyFile="), refused.getMessage());
    }

    @Test
    void class_calling_runtime_exec_should_be_refused_by_the_deny_list() throws Exception {
        install(KEY);
        ClassRecipe recipe = recipe(generated(true));

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> ClassRegistry.materialize(recipe, context()));

        assertTrue(refused.getMessage().contains("denied reference java.lang.Runtime#exec"), refused.getMessage());
    }

    @Test
    void writer_without_key_should_mark_generated_classes_instead_of_shipping_them() throws Exception {
        install(null);
        Class<?> type = generated(false);

        assertEquals(ClassShipping.Kind.NO_KEY, ClassShipping.of(type).kind);
        assertEquals(ClassShipping.Kind.BY_NAME, ClassShipping.of(ClassRegistryTest.class).kind);
    }

    /** The recipe through a stream, as a reader gets it; with the byte after the class bytes' magic + at flipped. */
    private static ClassRecipe copy(ClassRecipe recipe, int at) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(recipe);
        }
        byte[] stream = bytes.toByteArray();
        if (at >= 0) {
            int magic = indexOf(stream, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            stream[magic + at] ^= 0x01;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return (ClassRecipe) in.readObject();
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
