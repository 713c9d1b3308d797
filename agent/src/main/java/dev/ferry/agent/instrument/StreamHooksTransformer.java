package dev.ferry.agent.instrument;

import dev.ferry.boot.wire.StreamHooks;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts a call to {@code dev.ferry.boot.wire.StreamHooks} at the start of four methods of {@code java.io}, the
 * extension points the serialization protocol has for class annotations: {@code ObjectOutputStream.annotateClass}
 * and {@code annotateProxyClass} (empty in the JDK), {@code ObjectInputStream.resolveClass} and
 * {@code resolveProxyClass} (which return the hook's class when it has one). Method bodies only, so the classes can be
 * retransformed when the application loaded them before Ferry started. Streams that override these methods without
 * calling {@code super} keep their own behaviour.
 */
public final class StreamHooksTransformer extends JdkClassTransformer {

    static final String OUTPUT = "java/io/ObjectOutputStream";
    static final String INPUT = "java/io/ObjectInputStream";
    /** The classes this transformer changes. */
    public static final Set<String> HOOKED = Set.of(OUTPUT, INPUT);
    private static final String HOOKS = "dev/ferry/boot/wire/StreamHooks";
    private static final String BLOCK_DATA_INPUT_TYPE = "java/io/ObjectInputStream$BlockDataInputStream";
    private static final String BLOCK_DATA_INPUT = "L" + BLOCK_DATA_INPUT_TYPE + ";";
    /** The first byte of Ferry's class annotation ({@code StreamHooks}' marker). */
    private static final int MARKER_FIRST_BYTE = 0xF5;

    public StreamHooksTransformer() {
        super(HOOKED);
    }

    @Override
    protected byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        String owner = reader.getClassName();
        int[] hooked = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                Hook hook = Hook.of(owner, name, descriptor);
                if (hook == null) {
                    return next;
                }
                hooked[0]++;
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        hook.emit(mv, owner);
                    }
                };
            }
        }, ClassReader.EXPAND_FRAMES);
        if (hooked[0] != 2) {
            throw new IllegalStateException(owner + ": expected 2 hook points, found " + hooked[0]);
        }
        return writer.toByteArray();
    }

    /** One hooked method: its hook's descriptor and whether the hook may answer for it. */
    private enum Hook {
        ANNOTATE_CLASS(OUTPUT, "annotateClass", "(Ljava/lang/Class;)V", "Ljava/lang/Class;"),
        ANNOTATE_PROXY_CLASS(OUTPUT, "annotateProxyClass", "(Ljava/lang/Class;)V", "Ljava/lang/Class;"),
        RESOLVE_CLASS(INPUT, "resolveClass", "(Ljava/io/ObjectStreamClass;)Ljava/lang/Class;",
                "Ljava/io/ObjectStreamClass;"),
        RESOLVE_PROXY_CLASS(INPUT, "resolveProxyClass", "([Ljava/lang/String;)Ljava/lang/Class;",
                "[Ljava/lang/String;");

        final String owner;
        final String name;
        final String descriptor;
        final String parameter;

        Hook(String owner, String name, String descriptor, String parameter) {
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.parameter = parameter;
        }

        static Hook of(String owner, String name, String descriptor) {
            for (Hook hook : values()) {
                if (hook.owner.equals(owner) && hook.name.equals(name) && hook.descriptor.equals(descriptor)) {
                    return hook;
                }
            }
            return null;
        }

        boolean answers() {
            return descriptor.endsWith(")Ljava/lang/Class;");
        }

        /**
         * {@code StreamHooks.name(this, parameter)}. For resolvers, only when the stream is in block-data mode (as
         * while resolving a descriptor) and its next annotation byte is Ferry's marker, peeked without consuming
         * anything; the method returns the hook's class unless it is null.
         */
        void emit(MethodVisitor method, String streamType) {
            String parameterType = parameter.startsWith("[") ? parameter : parameter.substring(1, parameter.length() - 1);
            Object[] locals = {streamType, parameterType};
            Label byName = new Label();
            if (answers()) {
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitFieldInsn(Opcodes.GETFIELD, streamType, "bin", BLOCK_DATA_INPUT);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BLOCK_DATA_INPUT_TYPE, "getBlockDataMode", "()Z", false);
                method.visitJumpInsn(Opcodes.IFEQ, byName);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitFieldInsn(Opcodes.GETFIELD, streamType, "bin", BLOCK_DATA_INPUT);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BLOCK_DATA_INPUT_TYPE, "peek", "()I", false);
                method.visitIntInsn(Opcodes.SIPUSH, MARKER_FIRST_BYTE);
                method.visitJumpInsn(Opcodes.IF_ICMPNE, byName);
            }
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitVarInsn(Opcodes.ALOAD, 1);
            String hookDescriptor = "(L" + streamType + ";" + parameter + ")" + (answers() ? "Ljava/lang/Class;" : "V");
            method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, hookDescriptor, false);
            if (!answers()) {
                return;
            }
            Label none = new Label();
            method.visitInsn(Opcodes.DUP);
            method.visitJumpInsn(Opcodes.IFNULL, none);
            method.visitInsn(Opcodes.ARETURN);
            method.visitLabel(none);
            method.visitFrame(Opcodes.F_NEW, 2, locals, 1, new Object[] {"java/lang/Class"});
            method.visitInsn(Opcodes.POP);
            method.visitLabel(byName);
            method.visitFrame(Opcodes.F_NEW, 2, locals, 0, new Object[0]);
        }
    }
}
