package dev.ferry.agent.classfile;

import dev.ferry.boot.lambda.LambdaSite;
import dev.ferry.boot.lambda.WireClassWriter;
import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@link WireClassWriter} with ASM. The class it writes, for a call site capturing {@code (int, String)} as a
 * {@code Function}:
 * <pre>{@code
 * final synthetic class Main$$FerryLambda$3 implements Function, Serializable {
 *     private static final long serialVersionUID = <the call site's signature hash>;
 *     private int arg$1;
 *     private Object arg$2;
 *     private Main$$FerryLambda$3(Object[] captured) { arg$1 = (Integer) captured[0]; arg$2 = captured[1]; }
 *     public Object apply(Object x) { return invokedynamic call(arg$1, (String) arg$2, x); } // LambdaWires.invoker
 *     private void writeObject(ObjectOutputStream out) { defaultWriteObject, explaining a value it cannot write }
 *     private void readObject(ObjectInputStream in) { defaultReadObject; arg$2 must be a String; LambdaWires.read }
 * }
 * }</pre>
 * References are held as {@code Object} so that the JDK never assigns a value of the wrong type (a forged stream)
 * before {@code readObject} can refuse it with a message; the functional method casts them, which the JIT folds.
 */
public final class WireClassSpinner implements WireClassWriter {

    private static final String WIRES = "dev/ferry/boot/lambda/LambdaWires";
    private static final String OBJECT = "java/lang/Object";
    private static final String OBJECT_DESCRIPTOR = "Ljava/lang/Object;";
    private static final Handle INVOKER = new Handle(Opcodes.H_INVOKESTATIC, WIRES, "invoker",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;I)"
                    + "Ljava/lang/invoke/CallSite;", false);
    /** The box class of each primitive {@link Type#getSort()}; null for references. */
    private static final String[] BOXES = new String[Type.METHOD + 1];

    static {
        BOXES[Type.BOOLEAN] = "java/lang/Boolean";
        BOXES[Type.CHAR] = "java/lang/Character";
        BOXES[Type.BYTE] = "java/lang/Byte";
        BOXES[Type.SHORT] = "java/lang/Short";
        BOXES[Type.INT] = "java/lang/Integer";
        BOXES[Type.FLOAT] = "java/lang/Float";
        BOXES[Type.LONG] = "java/lang/Long";
        BOXES[Type.DOUBLE] = "java/lang/Double";
    }

    @Override
    public byte[] write(String internalName, LambdaSite site, int position) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return OBJECT; // frames here merge only Object-typed locals; nothing needs loading to know that
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, internalName, null,
                OBJECT, interfaceNames(site));
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "serialVersionUID", "J", null,
                (long) site.hash()).visitEnd();
        for (int i = 0; i < site.capturedCount(); i++) {
            writer.visitField(Opcodes.ACC_PRIVATE, field(i), fieldDescriptor(site.capturedType(i)), null, null)
                    .visitEnd();
        }
        constructor(writer, internalName, site);
        forward(writer, internalName, site, position, site.samType(), Opcodes.ACC_PUBLIC);
        for (MethodType bridge : site.bridges()) {
            forward(writer, internalName, site, position, bridge,
                    Opcodes.ACC_PUBLIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC);
        }
        writeObject(writer);
        readObject(writer, internalName, site);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static String[] interfaceNames(LambdaSite site) {
        Set<String> names = new LinkedHashSet<>();
        boolean serializable = false;
        for (Class<?> type : site.interfaces()) {
            names.add(Type.getInternalName(type));
            serializable |= Serializable.class.isAssignableFrom(type);
        }
        if (!serializable) {
            names.add(Type.getInternalName(Serializable.class));
        }
        return names.toArray(new String[0]);
    }

    private static String field(int i) {
        return "arg$" + (i + 1);
    }

    private static String fieldDescriptor(Class<?> captured) {
        return captured.isPrimitive() ? captured.descriptorString() : OBJECT_DESCRIPTOR;
    }

    /** {@code private <init>(Object[] captured)}: the writer's way to make one from a lambda's captured values. */
    private static void constructor(ClassWriter writer, String internalName, LambdaSite site) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE, "<init>", "([Ljava/lang/Object;)V", null, null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        for (int i = 0; i < site.capturedCount(); i++) {
            Type captured = Type.getType(site.capturedType(i));
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitLdcInsn(i);
            code.visitInsn(Opcodes.AALOAD);
            String box = BOXES[captured.getSort()];
            if (box != null) {
                code.visitTypeInsn(Opcodes.CHECKCAST, box);
                code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, captured.getClassName() + "Value",
                        "()" + captured.getDescriptor(), false);
            }
            code.visitFieldInsn(Opcodes.PUTFIELD, internalName, field(i), fieldDescriptor(site.capturedType(i)));
        }
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** The functional method (or a bridge): the captured values and the arguments to the call site's implementation. */
    private static void forward(ClassWriter writer, String internalName, LambdaSite site, int position,
            MethodType type, int access) {
        MethodVisitor code = writer.visitMethod(access, site.samName(), type.toMethodDescriptorString(), null, null);
        code.visitCode();
        for (int i = 0; i < site.capturedCount(); i++) {
            Class<?> captured = site.capturedType(i);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, internalName, field(i), fieldDescriptor(captured));
            if (!captured.isPrimitive() && captured != Object.class) {
                code.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(captured));
            }
        }
        int slot = 1;
        for (Class<?> parameter : type.parameterArray()) {
            Type argument = Type.getType(parameter);
            code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        MethodType invoked = type.insertParameterTypes(0, site.factoryType().parameterArray());
        code.visitInvokeDynamicInsn("call", invoked.toMethodDescriptorString(), INVOKER,
                Type.getType(site.capturingClass()), position);
        code.visitInsn(Type.getType(type.returnType()).getOpcode(Opcodes.IRETURN));
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** {@code writeObject}: the JDK's default, with a failure explained ({@code LambdaWires.notSerializable}). */
    private static void writeObject(ClassWriter writer) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE, "writeObject", "(Ljava/io/ObjectOutputStream;)V",
                null, new String[] {"java/io/IOException"});
        code.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label failed = new Label();
        code.visitTryCatchBlock(start, end, failed, "java/io/NotSerializableException");
        code.visitLabel(start);
        code.visitVarInsn(Opcodes.ALOAD, 1);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/ObjectOutputStream", "defaultWriteObject", "()V", false);
        code.visitLabel(end);
        code.visitInsn(Opcodes.RETURN);
        code.visitLabel(failed);
        code.visitVarInsn(Opcodes.ASTORE, 2);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitVarInsn(Opcodes.ALOAD, 2);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, WIRES, "notSerializable",
                "(Ljava/lang/Object;Ljava/io/NotSerializableException;)Ljava/io/NotSerializableException;", false);
        code.visitInsn(Opcodes.ATHROW);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** {@code readObject}: the JDK's default, then every reference value checked against its captured type. */
    private static void readObject(ClassWriter writer, String internalName, LambdaSite site) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE, "readObject", "(Ljava/io/ObjectInputStream;)V",
                null, new String[] {"java/io/IOException", "java/lang/ClassNotFoundException"});
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 1);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/ObjectInputStream", "defaultReadObject", "()V", false);
        for (int i = 0; i < site.capturedCount(); i++) {
            Class<?> captured = site.capturedType(i);
            if (captured.isPrimitive() || captured == Object.class) {
                continue;
            }
            Label accepted = new Label();
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, internalName, field(i), OBJECT_DESCRIPTOR);
            code.visitVarInsn(Opcodes.ASTORE, 2);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitJumpInsn(Opcodes.IFNULL, accepted);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitTypeInsn(Opcodes.INSTANCEOF, Type.getInternalName(captured));
            code.visitJumpInsn(Opcodes.IFNE, accepted);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitLdcInsn(i);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitLdcInsn(Type.getType(captured));
            code.visitMethodInsn(Opcodes.INVOKESTATIC, WIRES, "wrongCapture",
                    "(Ljava/lang/Object;ILjava/lang/Object;Ljava/lang/Class;)Ljava/io/InvalidObjectException;", false);
            code.visitInsn(Opcodes.ATHROW);
            code.visitLabel(accepted);
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, WIRES, "read", "(Ljava/lang/Object;)V", false);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }
}
