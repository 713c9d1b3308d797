package dev.ferry.it.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdk.serialFilter} keeps applying to every part of a Ferry lambda: the capturing class (named by the wire
 * class's name and resolved through the stream), the call site's wire class (the descriptor itself) and the captured
 * values. The
 * wire form names no class of Ferry's, so an allow-list names only the application's classes and the JDK's. Writer
 * and reader are separate JVMs with Ferry; six launches in all.
 */
class SerialFilterIT {

    @TempDir
    static Path files;

    private static final Once<Path> WRITTEN = Once.of(() -> {
        Path file = files.resolve("filtered.bin");
        ForkedJvm.on(Jdk.ofThisBuild()).withFerry().main(FilteredLambdas.class, "write", file.toString()).run()
                .assertSucceeded();
        return file;
    });

    private static List<String> readWith(String filter) {
        JvmRun run = ForkedJvm.on(Jdk.ofThisBuild()).withFerry().systemProperty("jdk.serialFilter", filter)
                .main(FilteredLambdas.class, "read", WRITTEN.get().toString()).run().assertSucceeded();
        return run.stdoutLines();
    }

    @Test
    void filter_rejecting_the_capturing_class_should_refuse_the_lambda() {
        assertEquals(List.of("REFUSED java.io.InvalidClassException: dev.ferry.it.filter.FilteredLambdas; refused Ferry"
                + " lambda: the stream rejected its capturing class dev.ferry.it.filter.FilteredLambdas: filter status:"
                + " REJECTED"), readWith("!dev.ferry.it.filter.FilteredLambdas"));
    }

    @Test
    void filter_rejecting_the_wire_classes_of_a_capturing_class_should_refuse_its_lambdas() {
        assertEquals(List.of("REFUSED java.io.InvalidClassException: filter status: REJECTED"),
                readWith("!dev.ferry.it.filter.FilteredLambdas$$FerryLambda$*"));
    }

    @Test
    void filter_rejecting_a_captured_value_class_should_refuse_only_the_lambda_capturing_it() {
        assertEquals(List.of("FIRST 4", "REFUSED java.io.InvalidClassException: filter status: REJECTED"),
                readWith("!java.util.ArrayList"));
    }

    @Test
    void allow_list_naming_only_the_applications_and_the_jdks_classes_should_read_both_lambdas() {
        assertEquals(List.of("FIRST 4", "SECOND 1"), readWith("dev.ferry.it.filter.*;java.base/*;!*"));
    }
}
