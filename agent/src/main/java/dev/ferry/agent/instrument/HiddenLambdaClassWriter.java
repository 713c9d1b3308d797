package dev.ferry.agent.instrument;

import dev.ferry.boot.lambda.LambdaClassSpinner;
import dev.ferry.boot.lambda.LambdaSite;
import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the hidden class of a Ferry lambda: captured values in final fields, the functional method and its bridges
 * calling constant method handles from the class data (the JIT inlines them as the JDK's own lambda classes), and a
 * {@code writeReplace} that hands the captured values to the recipe.
 */
public final class HiddenLambdaClassWriter implements LambdaClassSpinner {

    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
    private static final String SITE = "dev/ferry/boot/lambda/LambdaSite";
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
    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);

    @Override
    public byte[] spin(String internalName, LambdaSite site) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, internalName, null,
                "java/lang/Object", interfaceNames(site));
        for (int i = 0; i < site.capturedCount(); i++) {
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, field(i),
                    site.capturedType(i).descriptorString(), null, null).visitEnd();
        }
        constructor(writer, internalName, site);
        forward(writer, internalName, site, site.samType(), 1, Opcodes.ACC_PUBLIC);
        MethodType[] bridges = site.bridges();
        for (int i = 0; i < bridges.length; i++) {
            forward(writer, internalName, site, bridges[i], 2 + i,
                    Opcodes.ACC_PUBLIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC);
        }
        writeReplace(writer, internalName, site);
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

    private static void constructor(ClassWriter writer, String internalName, LambdaSite site) {
        MethodType type = site.factoryType().changeReturnType(void.class);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE, "<init>", type.toMethodDescriptorString(), null,
                null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        int slot = 1;
        for (int i = 0; i < site.capturedCount(); i++) {
            Type captured = Type.getType(site.capturedType(i));
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(captured.getOpcode(Opcodes.ILOAD), slot);
            code.visitFieldInsn(Opcodes.PUTFIELD, internalName, field(i), captured.getDescriptor());
            slot += captured.getSize();
        }
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /**
     * {@code writeReplace()}: the recipe's proxy for this site and the captured values, boxed. Every module that has
     * prepared classes reads Ferry's runtime module, so the recipe is called directly.
     */
    private static void writeReplace(ClassWriter writer, String internalName, LambdaSite site) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "writeReplace",
                "()Ljava/lang/Object;", null, null);
        code.visitCode();
        code.visitLdcInsn(classData(SITE, 0));
        code.visitTypeInsn(Opcodes.CHECKCAST, SITE);
        code.visitLdcInsn(site.capturedCount());
        code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < site.capturedCount(); i++) {
            Type captured = Type.getType(site.capturedType(i));
            code.visitInsn(Opcodes.DUP);
            code.visitLdcInsn(i);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, internalName, field(i), captured.getDescriptor());
            box(code, captured);
            code.visitInsn(Opcodes.AASTORE);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/ferry/boot/lambda/LambdaRecipe", "writeReplacement",
                "(L" + SITE + ";[Ljava/lang/Object;)Ljava/lang/Object;", false);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    private static void box(MethodVisitor code, Type type) {
        String boxed = BOXES[type.getSort()];
        if (boxed != null) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf",
                    "(" + type.getDescriptor() + ")L" + boxed + ";", false);
        }
    }

    private static ConstantDynamic classData(String internalType, int index) {
        return new ConstantDynamic("_", "L" + internalType + ";", CLASS_DATA_AT, index);
    }

    /** A method {@code name(type)} that invokes method handle {@code classDataIndex} with the captures and arguments. */
    private static void forward(ClassWriter writer, String internalName, LambdaSite site, MethodType type,
            int classDataIndex, int access) {
        MethodVisitor code = writer.visitMethod(access, site.samName(), type.toMethodDescriptorString(), null, null);
        code.visitCode();
        code.visitLdcInsn(classData(METHOD_HANDLE, classDataIndex));
        for (int i = 0; i < site.capturedCount(); i++) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, internalName, field(i), site.capturedType(i).descriptorString());
        }
        int slot = 1;
        for (Class<?> parameter : type.parameterArray()) {
            Type argument = Type.getType(parameter);
            code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        MethodType invoked = type.insertParameterTypes(0, site.factoryType().parameterArray());
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", invoked.toMethodDescriptorString(),
                false);
        code.visitInsn(Type.getType(type.returnType()).getOpcode(Opcodes.IRETURN));
        code.visitMaxs(0, 0);
        code.visitEnd();
    }
}
