package dev.ferry.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Test helpers: class files of test classes, and the bootstrap methods of their invokedynamic instructions. */
public final class ClassFiles {

    private ClassFiles() {
    }

    public static byte[] of(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code owner.name} of the bootstrap method of every invokedynamic, in class-file order. */
    static List<String> bootstrapsOf(byte[] classFile) {
        List<String> bootstraps = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... arguments) {
                        bootstraps.add(bootstrap.getOwner() + "." + bootstrap.getName());
                    }
                };
            }
        }, 0);
        return bootstraps;
    }

    /** The names of a class file's methods, in class-file order. */
    static List<String> methodsOf(byte[] classFile) {
        List<String> methods = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.add(name);
                return null;
            }
        }, 0);
        return methods;
    }

    /** Every instruction of every method, as opcode and operand text, bootstrap methods left out. */
    static List<String> instructionsOf(byte[] classFile) {
        List<String> instructions = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        instructions.add("" + opcode);
                    }

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                        instructions.add("" + opcode + " " + var);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        instructions.add("" + opcode + " " + owner + "." + method + methodDescriptor);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... arguments) {
                        instructions.add("invokedynamic " + n + d);
                    }
                };
            }
        }, 0);
        return instructions;
    }
}
