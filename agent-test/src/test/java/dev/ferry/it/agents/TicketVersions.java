package dev.ferry.it.agents;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Later versions of {@link Ticket}, as a developer edits it before a HotSwap, compiled at test time with
 * {@code javax.tools} (Java 17 class files, for both JDKs). Both keep every method and lambda of version 1, as the
 * JVM's class redefinition requires.
 */
final class TicketVersions {

    /** Version 2: other bodies only (the fare lambda's, {@code version()}'s). */
    static final String SECOND = """
            package dev.ferry.it.agents;

            import java.io.Serializable;
            import java.util.function.IntUnaryOperator;
            import java.util.function.Supplier;

            public final class Ticket {

                private Ticket() {
                }

                public static IntUnaryOperator fare(int base) {
                    return distance -> base + distance * 100;
                }

                public static Supplier<String> stamp() {
                    return (Supplier<String> & Serializable) () -> "stamped " + version();
                }

                public static String version() {
                    return "v2";
                }
            }
            """;

    /**
     * Version 3: {@code fare} gains a method reference, a new lambda call site that needs no new method (the JVM
     * accepts it), placed before the fare lambda's in the constant pool.
     */
    static final String THIRD = """
            package dev.ferry.it.agents;

            import java.io.Serializable;
            import java.util.function.IntUnaryOperator;
            import java.util.function.Supplier;

            public final class Ticket {

                private Ticket() {
                }

                public static IntUnaryOperator fare(int base) {
                    return base < 0 ? Math::negateExact : distance -> base + distance;
                }

                public static Supplier<String> stamp() {
                    return (Supplier<String> & Serializable) () -> "stamped " + version();
                }

                public static String version() {
                    return "v3";
                }
            }
            """;

    private TicketVersions() {
    }

    /**
     * Compiles a version into {@code directory} (a class-path root) and returns the class file's path.
     *
     * @throws IllegalStateException when javac refuses it or there is no system compiler
     */
    static Path compileInto(String source, Path directory) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the build on a JDK");
        }
        try {
            Path sources = Files.createTempDirectory("ferry-ticket");
            Path file = Files.writeString(sources.resolve("Ticket.java"), source, StandardCharsets.UTF_8);
            StringWriter diagnostics = new StringWriter();
            boolean compiled = javac.getTask(diagnostics, null, null,
                    List.of("--release", "17", "-proc:none", "-d", directory.toString()), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file))
                    .call();
            Files.delete(file);
            Files.delete(sources);
            if (!compiled) {
                throw new IllegalStateException("javac refused this version of Ticket:\n" + diagnostics);
            }
            return directory.resolve("dev/ferry/it/agents/Ticket.class");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
