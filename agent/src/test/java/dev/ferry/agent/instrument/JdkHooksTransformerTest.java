package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The JDK classes of the JVM running the test (JDK 17 and 25 in CI), hooked: each hooked method calls Ferry's static
 * hook exactly where it called the JDK method it replaces, and every other instruction is as it was.
 */
class JdkHooksTransformerTest {

    private final JdkHooksTransformer transformer = new JdkHooksTransformer(JdkHooksTransformer.HOOKED);

    private static byte[] jdkClass(String internalName) throws IOException {
        try {
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, null);
            try (InputStream in = type.getModule().getResourceAsStream(internalName + ".class")) {
                return in.readAllBytes();
            }
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** {@code method: owner.name} for every call to a class of Ferry's. */
    private static List<String> ferryCalls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (owner.startsWith("dev/ferry/")) {
                            calls.add(name + ": " + owner.substring(owner.lastIndexOf('/') + 1) + "." + method);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    private byte[] hooked(String internalName) throws IOException {
        return transformer.transform(null, internalName, null, null, jdkClass(internalName));
    }

    @Test
    void object_output_stream_should_call_ferry_where_it_replaces_and_annotates_classes() throws IOException {
        byte[] hooked = hooked("java/io/ObjectOutputStream");

        assertEquals(Set.of("writeObject0: StreamHooks.writeReplace", "writeNonProxyDesc: StreamHooks.annotateClass",
                "writeProxyDesc: StreamHooks.annotateProxyClass"), Set.copyOf(ferryCalls(hooked)));
        assertEquals(ClassFiles.instructionsOf(jdkClass("java/io/ObjectOutputStream")).size(),
                ClassFiles.instructionsOf(hooked).size());
    }

    @Test
    void object_input_stream_should_call_ferry_where_it_resolves_classes() throws IOException {
        byte[] hooked = hooked("java/io/ObjectInputStream");

        assertEquals(Set.of("readNonProxyDesc: StreamHooks.resolveClass",
                "readProxyDesc: StreamHooks.resolveProxyClass"), Set.copyOf(ferryCalls(hooked)));
    }

    @Test
    void management_factory_should_tell_ferry_when_it_creates_the_platform_server() throws IOException {
        assertEquals(List.of("getPlatformMBeanServer: PlatformMBeanServerHook.createMBeanServer"),
                ferryCalls(hooked("java/lang/management/ManagementFactory")));
    }

    @Test
    void other_classes_and_loaders_should_be_left_alone() throws IOException {
        byte[] output = jdkClass("java/io/ObjectOutputStream");

        assertNull(transformer.transform(ClassLoader.getSystemClassLoader(), "java/io/ObjectOutputStream", null, null,
                output));
        assertNull(transformer.transform(null, "java/io/ObjectStreamClass", null, null,
                jdkClass("java/io/ObjectStreamClass")));
        assertNull(new JdkHooksTransformer(Set.of()).transform(null, "java/io/ObjectOutputStream", null, null,
                output));
    }

    @Test
    void class_not_as_expected_should_be_left_alone_and_counted() throws IOException {
        long before = AgentCounters.snapshot().get("transform.failures");

        assertNull(transformer.transform(null, "java/io/ObjectInputStream", null, null,
                jdkClass("java/io/ObjectOutputStream")));
        assertNull(transformer.transform(null, "java/io/ObjectInputStream", null, null,
                new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}));
        assertEquals(before + 2, AgentCounters.snapshot().get("transform.failures"));
    }
}
