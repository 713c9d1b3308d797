package dev.ferry.agent.classfile;

import dev.ferry.boot.byvalue.ClassFacts;
import dev.ferry.boot.byvalue.ClassFileInspector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** {@link ClassFileInspector} with ASM: the constant pool's references, and the static initializer's assignments. */
public final class AsmClassFileInspector implements ClassFileInspector {

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_FIELDREF = 9;
    private static final int CONSTANT_METHODREF = 10;
    private static final int CONSTANT_INTERFACE_METHODREF = 11;

    @Override
    public ClassFacts inspect(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file: " + e, e);
        }
        String name = reader.getClassName();
        char[] buffer = new char[reader.getMaxStringLength()];
        List<String> classes = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue; // the unusable slot after a long or double
            }
            switch (reader.readByte(offset - 1)) {
                case CONSTANT_CLASS:
                    classes.add(reader.readUTF8(offset, buffer));
                    break;
                case CONSTANT_FIELDREF:
                case CONSTANT_METHODREF:
                case CONSTANT_INTERFACE_METHODREF:
                    int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                    members.add(reader.readClass(offset, buffer) + "#" + reader.readUTF8(nameAndType, buffer));
                    break;
                default:
                    break;
            }
        }
        Set<String> assigned = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                if (!"<clinit>".equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTSTATIC && owner.equals(name)) {
                            assigned.add(field);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(name, reader.getSuperName(), List.copyOf(classes), List.copyOf(members),
                Set.copyOf(assigned));
    }
}
