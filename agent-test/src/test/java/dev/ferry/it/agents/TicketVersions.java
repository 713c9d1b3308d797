package dev.ferry.it.agents;

import dev.ferry.it.support.SourceCompiler;
import java.nio.file.Path;
import java.util.Map;

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
        SourceCompiler.compileInto(Map.of(Ticket.class.getName(), source), directory);
        return directory.resolve("dev/ferry/it/agents/Ticket.class");
    }
}
