package dev.ferry.agent.classfile;

import dev.ferry.boot.byvalue.ClassFacts;
import dev.ferry.boot.byvalue.ClassFileInspector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@link ClassFileInspector} with ASM: the constant pool's references, the classes member descriptors name, and the
 * static initializer's assignments.
 */
public final class AsmClassFileInspector implements ClassFileInspector {

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_FIELDREF = 9;
    private static final int CONSTANT_METHODREF = 10;
    private static final int CONSTANT_INTERFACE_METHODREF = 11;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_TYPE = 16;

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
        Set<String> described = new LinkedHashSet<>();
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
                case CONSTANT_NAME_AND_TYPE:
                    addClassesOf(reader.readUTF8(offset + 2, buffer), described);
                    break;
                case CONSTANT_METHOD_TYPE:
                    addClassesOf(reader.readUTF8(offset, buffer), described);
                    break;
                default:
                    break;
            }
        }
        Set<String> assigned = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String field, String descriptor, String signature,
                    Object value) {
                addClassesOf(descriptor, described);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                addClassesOf(descriptor, described);
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
        described.removeAll(classes);
        return new ClassFacts(name, reader.getSuperName(), List.copyOf(classes), List.copyOf(described),
                List.copyOf(members), Set.copyOf(assigned));
    }

    /**
     * Adds the internal names of the classes a field or method descriptor names ({@code Lname;}, arrays' components
     * included): reflection and the verifier load them, though no class constant names them.
     */
    private static void addClassesOf(String descriptor, Set<String> classes) {
        for (int at = descriptor.indexOf('L'); at >= 0; at = descriptor.indexOf('L', at)) {
            int end = descriptor.indexOf(';', at);
            if (end < 0) {
                return;
            }
            classes.add(descriptor.substring(at + 1, end));
            at = end + 1;
        }
    }
}
