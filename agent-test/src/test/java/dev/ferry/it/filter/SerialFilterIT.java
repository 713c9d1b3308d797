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
 * {@code jdk.serialFilter} keeps applying to every part of a lambda recipe: the recipe class, the captured values, and
 * the capturing class (which the stream names but does not describe as a class). Writer and reader are separate JVMs
 * with Ferry; five launches in all.
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
    void filter_rejecting_the_capturing_class_should_refuse_the_lambda_naming_it() {
        assertEquals(List.of("REFUSED java.io.InvalidClassException: dev.ferry.it.filter.FilteredLambdas; refused by"
                + " the stream's ObjectInputFilter (capturing class of a lambda recipe)"),
                readWith("!dev.ferry.it.filter.FilteredLambdas"));
    }

    @Test
    void filter_rejecting_ferry_recipes_should_refuse_every_ferry_lambda() {
        assertEquals(List.of("REFUSED java.io.InvalidClassException: filter status: REJECTED"),
                readWith("!dev.ferry.boot.lambda.*"));
    }

    @Test
    void filter_rejecting_a_captured_value_class_should_refuse_only_the_lambda_capturing_it() {
        assertEquals(List.of("FIRST 4", "REFUSED java.io.InvalidClassException: filter status: REJECTED"),
                readWith("!java.util.ArrayList"));
    }

    @Test
    void allow_list_naming_the_recipe_the_interfaces_and_the_proxies_should_read_both_lambdas() {
        // JDK proxy classes of public interfaces live in the dynamic modules' packages jdk.proxy1, jdk.proxy2, ...
        assertEquals(List.of("FIRST 4", "SECOND 1"), readWith("dev.ferry.boot.lambda.LambdaRecipe;"
                + "java.util.function.*;dev.ferry.it.filter.*;java.base/*;jdk.proxy1.*;jdk.proxy2.*;!*"));
    }
}
