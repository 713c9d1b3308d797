package dev.ferry.agent.instrument;

import dev.ferry.boot.wire.StreamHooks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** The JDK's own object streams, as this JVM has them, rewritten: each hooked method starts with its hook call. */
class StreamHooksTransformerTest {

    private static byte[] jdkClass(String internalName) throws IOException {
        try (InputStream in = Object.class.getResourceAsStream("/" + internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * {@code method: first calls} for the methods whose code starts with a call to {@code StreamHooks}, or with the
     * resolvers' non-consuming peek ({@code getBlockDataMode}, {@code peek}) followed by it.
     */
    private static List<String> hookCalls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    private final List<String> first = new ArrayList<>();

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (first.size() < 3) {
                            first.add(method);
                        }
                        if (owner.equals("dev/ferry/boot/wire/StreamHooks") && (first.size() == 1
                                || first.equals(List.of("getBlockDataMode", "peek", method)))) {
                            calls.add(name + ": " + method + methodDescriptor);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    @Test
    void object_output_stream_should_call_the_hooks_first_in_both_annotate_methods() throws IOException {
        byte[] rewritten = new StreamHooksTransformer().transform(null, StreamHooksTransformer.OUTPUT, null, null,
                jdkClass(StreamHooksTransformer.OUTPUT));

        assertEquals(List.of("annotateClass: annotateClass(Ljava/io/ObjectOutputStream;Ljava/lang/Class;)V",
                "annotateProxyClass: annotateProxyClass(Ljava/io/ObjectOutputStream;Ljava/lang/Class;)V"),
                hookCalls(rewritten));
    }

    @Test
    void object_input_stream_should_call_the_hooks_first_in_both_resolve_methods() throws IOException {
        byte[] rewritten = new StreamHooksTransformer().transform(null, StreamHooksTransformer.INPUT, null, null,
                jdkClass(StreamHooksTransformer.INPUT));

        assertEquals(Set.of("resolveClass: resolveClass(Ljava/io/ObjectInputStream;Ljava/io/ObjectStreamClass;)"
                + "Ljava/lang/Class;", "resolveProxyClass: resolveProxyClass(Ljava/io/ObjectInputStream;"
                + "[Ljava/lang/String;)Ljava/lang/Class;"), Set.copyOf(hookCalls(rewritten)));
    }

    @Test
    void other_classes_and_loaders_should_be_left_alone() throws IOException {
        byte[] output = jdkClass(StreamHooksTransformer.OUTPUT);

        assertNull(new StreamHooksTransformer().transform(ClassLoader.getSystemClassLoader(),
                StreamHooksTransformer.OUTPUT, null, null, output));
        assertNull(new StreamHooksTransformer().transform(null, "java/io/ObjectStreamClass", null, null,
                jdkClass("java/io/ObjectStreamClass")));
    }

    @Test
    void unreadable_class_should_be_left_alone_and_counted() {
        assertNull(new StreamHooksTransformer().transform(null, StreamHooksTransformer.INPUT, null, null,
                new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}));
    }
}
