package dev.ferry.it.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frameworks read with object streams whose {@code resolveClass} never calls {@code super}, and write with ones whose
 * {@code annotateClass} writes their own annotation ({@link ApplicationStreams}): Ferry recognizes its recipes where
 * the JDK reads the class descriptor, so lambdas and classes by value read through all of them, and such a stream's
 * own check (an allow-list) still judges the classes: what it rejects is refused with its own exception, and a stream
 * it accepts reads fine after it. Writer and readers are separate JVMs with Ferry and one key.
 */
class OverridingStreamsIT {

    @TempDir
    static Path files;

    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("shared.key"), 32));

    private static Path written(String kind) {
        Path directory = files.resolve("written-with-" + kind);
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ForkedJvm.on(Jdk.ofThisBuild()).withFerry("keyFile=" + KEY.get())
                    .main(StreamsProgram.class, "write", directory.toString(), kind).run().assertSucceeded();
        }
        return directory;
    }

    private static JvmRun read(String writerKind, String readerKind, String... names) {
        String[] arguments = new String[3 + names.length];
        arguments[0] = "read";
        arguments[1] = written(writerKind).toString();
        arguments[2] = readerKind;
        System.arraycopy(names, 0, arguments, 3, names.length);
        return ForkedJvm.on(Jdk.ofThisBuild()).withFerry("keyFile=" + KEY.get())
                .main(StreamsProgram.class, arguments).run().assertSucceeded();
    }

    @ParameterizedTest(name = "read with a {0} stream")
    @ValueSource(strings = {"loader-aware", "with-fallback", "allow-list"})
    synchronized void lambdas_and_classes_by_value_should_read_through_a_stream_that_resolves_classes_itself(
            String kind) {
        JvmRun run = read("plain", kind, "cargo.bin");
        assertEquals(List.of("cargo.bin ACCEPTED AHOY!; parcel from dev.ferry.it.streams (RecipeClassLoader); "),
                run.linesAfter("RESULT "), run::report);
    }

    @ParameterizedTest(name = "{0} rejected by the stream's allow-list")
    @ValueSource(strings = {"contraband-lambda.bin", "contraband-parcel.bin"})
    synchronized void streams_own_allow_list_should_still_judge_what_ferry_materializes(String file) {
        JvmRun run = read("plain", "allow-list", file, "cargo.bin");
        List<String> results = run.linesAfter("RESULT ");
        assertTrue(results.get(0).startsWith(file + " REFUSED java.io.InvalidClassException: dev.ferry.it.streams"
                + ".blocked.") && results.get(0).contains("rejected by the application's allow-list"),
                () -> "the stream's own refusal expected, got: " + results.get(0));
        assertEquals("cargo.bin ACCEPTED AHOY!; parcel from dev.ferry.it.streams (RecipeClassLoader); ",
                results.get(1), "a stream the allow-list accepts reads fine after a refused one");
    }

    @ParameterizedTest(name = "written and read with {0} streams")
    @ValueSource(strings = {"codebase"})
    synchronized void streams_that_annotate_classes_themselves_should_carry_ferrys_recipes_too(String kind) {
        JvmRun run = read(kind, kind, "cargo.bin");
        assertEquals(List.of("cargo.bin ACCEPTED AHOY!; parcel from dev.ferry.it.streams (RecipeClassLoader); "),
                run.linesAfter("RESULT "), run::report);
    }
}
