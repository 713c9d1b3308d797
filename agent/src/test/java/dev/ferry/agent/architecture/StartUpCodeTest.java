package dev.ferry.agent.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.FerryAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Ferry's code runs before the application's {@code main} and on its class-loading path, interpreted at first. The
 * first lambda or string concatenation a JVM links costs it tens of milliseconds (the JDK spins classes for
 * {@code LambdaMetafactory} and {@code StringConcatFactory}), so Ferry's own classes use neither: anonymous classes,
 * loops, and string concatenation compiled to {@code StringBuilder} ({@code -XDstringConcat=inline}). Records'
 * {@code ObjectMethods} bootstraps are linked only when their {@code equals}, {@code hashCode} or {@code toString} is
 * called, and stay allowed. The command-line tool ({@code dev.ferry.agent.cli}) runs in a JVM of its own.
 */
class StartUpCodeTest {

    private static final List<String> FORBIDDEN_BOOTSTRAPS = List.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    @Test
    void ferrys_classes_should_link_no_lambda_and_no_string_concatenation() throws Exception {
        Path classes = Path.of(FerryAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int read;
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !classes.relativize(file).toString().startsWith("dev/ferry/agent/cli/")).toList();
            for (Path file : classFiles) {
                found.addAll(forbiddenCallSites(file));
            }
            read = classFiles.size();
        }
        assertTrue(read > 100, "the scan should have read Ferry's classes in " + classes + ", read " + read);
        assertEquals(List.of(), found, "invokedynamic with a bootstrap Ferry's start-up must not pay for");
    }

    private static List<String> forbiddenCallSites(Path classFile) throws IOException {
        List<String> found = new ArrayList<>();
        ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                            Object... arguments) {
                        if (FORBIDDEN_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                            found.add(reader.getClassName() + "." + name + ": " + bootstrap.getOwner());
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }
}
