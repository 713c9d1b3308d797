package dev.ferry.agent.jmx;

import dev.ferry.agent.instrument.JdkClassTransformer;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes {@code ManagementFactory.getPlatformMBeanServer()} hand the server it returns to
 * {@code dev.ferry.boot.diagnostics.ManagementHook.serverReady} first (method body only, so it also works by
 * retransformation).
 */
public final class ManagementFactoryTransformer extends JdkClassTransformer {

    static final String OWNER = "java/lang/management/ManagementFactory";
    private static final String HOOK = "dev/ferry/boot/diagnostics/ManagementHook";

    ManagementFactoryTransformer() {
        super(Set.of(OWNER));
    }

    @Override
    protected byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] hooked = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!"getPlatformMBeanServer".equals(name) || !"()Ljavax/management/MBeanServer;".equals(descriptor)) {
                    return next;
                }
                hooked[0] = true;
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.ARETURN) {
                            super.visitInsn(Opcodes.DUP);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "serverReady", "(Ljava/lang/Object;)V",
                                    false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        if (!hooked[0]) {
            throw new IllegalStateException(OWNER + " has no getPlatformMBeanServer()");
        }
        return writer.toByteArray();
    }
}
