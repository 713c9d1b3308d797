package dev.ferry.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the {@code $deserializeLambda$} of a prepared class. {@code SerializedLambda.readResolve} calls it with
 * whatever a stream says; it must accept exactly what javac's accepts and refuse the rest with a message saying what
 * was refused ({@code dev.ferry.boot.lambda.SerializedLambdaGate}):
 * <ul>
 *   <li>no javac method (the class has no serializable lambda): always refuse;</li>
 *   <li>javac's method present: it is renamed and chained, so javac's lambdas deserialize exactly as before, and its
 *       {@code IllegalArgumentException("Invalid lambda deserialization")} becomes Ferry's refusal.</li>
 * </ul>
 */
final class DeserializeLambdaGate {

    static final String NAME = "$deserializeLambda$";
    static final String JAVAC_DESERIALIZER_RENAMED = "$deserializeLambda$javac";
    private static final String DESCRIPTOR = "(Ljava/lang/invoke/SerializedLambda;)Ljava/lang/Object;";
    private static final String GATE = "dev/ferry/boot/lambda/SerializedLambdaGate";
    private static final String ILLEGAL_ARGUMENT = "java/lang/IllegalArgumentException";

    private DeserializeLambdaGate() {
    }

    static boolean isJavacDeserializer(String name, String descriptor) {
        return NAME.equals(name) && DESCRIPTOR.equals(descriptor);
    }

    static void add(ClassVisitor classVisitor, String className, boolean isInterface, boolean chainJavac) {
        MethodVisitor code = classVisitor.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, NAME, DESCRIPTOR, null, null);
        code.visitCode();
        if (chainJavac) {
            Label start = new Label();
            Label end = new Label();
            Label refused = new Label();
            code.visitTryCatchBlock(start, end, refused, ILLEGAL_ARGUMENT);
            code.visitLabel(start);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, className, JAVAC_DESERIALIZER_RENAMED, DESCRIPTOR,
                    isInterface);
            code.visitLabel(end);
            code.visitInsn(Opcodes.ARETURN);
            code.visitLabel(refused);
            code.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {ILLEGAL_ARGUMENT});
            code.visitVarInsn(Opcodes.ASTORE, 1);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, GATE, "refuse",
                    "(Ljava/lang/invoke/SerializedLambda;Ljava/lang/Throwable;)Ljava/lang/Object;", false);
        } else {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, GATE, "refuse",
                    "(Ljava/lang/invoke/SerializedLambda;)Ljava/lang/Object;", false);
        }
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(2, 2);
        code.visitEnd();
    }
}
