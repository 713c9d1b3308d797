package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void object_input_stream_should_call_ferry_where_it_resolves_classes_and_objects() throws IOException {
        byte[] hooked = hooked("java/io/ObjectInputStream");

        assertEquals(Set.of("readNonProxyDesc: StreamHooks.resolveClass",
                "readProxyDesc: StreamHooks.resolveProxyClass", "readOrdinaryObject: StreamHooks.readResolve"),
                Set.copyOf(ferryCalls(hooked)));
    }

    @Test
    void lambda_metafactory_should_link_through_ferry_and_change_nothing_else() throws IOException {
        byte[] original = jdkClass("java/lang/invoke/LambdaMetafactory");
        byte[] hooked = hooked("java/lang/invoke/LambdaMetafactory");

        assertEquals(List.of("metafactory: LambdaLinking.metafactory", "altMetafactory: LambdaLinking.arguments"),
                ferryCalls(hooked));
        assertEquals(List.of("ALOAD 0", "ALOAD 1", "ALOAD 2", "ALOAD 3", "ALOAD 4", "ALOAD 5",
                "INVOKESTATIC dev/ferry/boot/lambda/LambdaLinking.metafactory", "ARETURN"),
                instructions(hooked, "metafactory"), "metafactory's body is the call of Ferry's");
        List<String> expected = new ArrayList<>(instructions(original, "altMetafactory"));
        int nullChecks = expected.indexOf("ALOAD 2");
        assertEquals(List.of("ALOAD 2", "INVOKESTATIC java/util/Objects.requireNonNull", "POP", "ALOAD 3",
                "INVOKESTATIC java/util/Objects.requireNonNull", "POP"), expected.subList(nullChecks, nullChecks + 6));
        expected.subList(nullChecks, nullChecks + 6).clear();
        expected.addAll(nullChecks, List.of("ALOAD 0", "ALOAD 2", "ALOAD 3", "NOP", "NOP",
                "INVOKESTATIC dev/ferry/boot/lambda/LambdaLinking.arguments", "ASTORE 3", "NOP"));
        assertEquals(expected, instructions(hooked, "altMetafactory"),
                "altMetafactory changes in its two null checks only");
        assertEquals(ClassFiles.methodsOf(original), ClassFiles.methodsOf(hooked), "no method added or removed");
    }

    private static final java.util.Map<Integer, String> OPCODE_NAMES = java.util.Map.of(Opcodes.NOP, "NOP",
            Opcodes.ALOAD, "ALOAD", Opcodes.ASTORE, "ASTORE", Opcodes.POP, "POP", Opcodes.INVOKESTATIC,
            "INVOKESTATIC", Opcodes.ARETURN, "ARETURN");

    /** The instructions of the first method called {@code method}, as {@code OPCODE operand}. */
    private static List<String> instructions(byte[] classFile, String method) {
        org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        List<String> listed = new ArrayList<>();
        for (org.objectweb.asm.tree.MethodNode each : node.methods) {
            if (!each.name.equals(method)) {
                continue;
            }
            for (org.objectweb.asm.tree.AbstractInsnNode instruction : each.instructions) {
                if (instruction.getOpcode() < 0) {
                    continue;
                }
                String text = OPCODE_NAMES.getOrDefault(instruction.getOpcode(), "OP" + instruction.getOpcode());
                if (instruction instanceof org.objectweb.asm.tree.VarInsnNode) {
                    text += " " + ((org.objectweb.asm.tree.VarInsnNode) instruction).var;
                } else if (instruction instanceof org.objectweb.asm.tree.MethodInsnNode) {
                    org.objectweb.asm.tree.MethodInsnNode call = (org.objectweb.asm.tree.MethodInsnNode) instruction;
                    text += " " + call.owner + "." + call.name;
                }
                listed.add(text);
            }
            return listed;
        }
        throw new IllegalArgumentException("no method " + method);
    }

    @Test
    void lambda_metafactory_of_another_shape_should_be_refused() {
        byte[] unlike = jdkClassUnchecked("java/io/ObjectOutputStream");

        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> JdkHooksTransformer.linkThroughFerry(unlike));
        assertTrue(refused.getMessage().contains("is not as Ferry expects"), refused::getMessage);
    }

    private static byte[] jdkClassUnchecked(String internalName) {
        try {
            return jdkClass(internalName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
