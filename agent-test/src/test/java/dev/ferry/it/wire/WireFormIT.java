package dev.ferry.it.wire;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a lambda read by Ferry is, between separate JVMs on every pair of JDKs: an instance of its call site's real
 * wire class (not a proxy, not hidden), the same class for every stream, with the identity, {@code equals},
 * {@code hashCode} and {@code toString} of a JDK lambda; written again, it reads back in a third JVM; a reader without
 * Ferry fails naming that class; and two writers write the very same bytes for the same lambdas.
 */
class WireFormIT {

    @TempDir
    static Path files;

    private static final Map<Jdk, Once<Path>> WRITTEN = new EnumMap<>(Jdk.class);
    private static final Map<Jdk, Once<Path>> WRITTEN_AGAIN = new EnumMap<>(Jdk.class);
    private static final Map<List<Jdk>, Once<JvmRun>> READERS = new HashMap<>();

    static List<Arguments> pairs() {
        return List.of(Arguments.of(Jdk.JDK17, Jdk.JDK17), Arguments.of(Jdk.JDK17, Jdk.JDK25),
                Arguments.of(Jdk.JDK25, Jdk.JDK17), Arguments.of(Jdk.JDK25, Jdk.JDK25));
    }

    @ParameterizedTest(name = "written on {0}, read on {1}")
    @MethodSource("pairs")
    void read_lambda_should_be_an_instance_of_its_call_sites_wire_class(Jdk writer, Jdk reader) {
        JvmRun run = read(writer, reader);
        assertPassed(run, "read_lambdas_should_compute_what_the_writers_did");
        assertPassed(run, "read_lambda_should_be_an_instance_of_its_call_sites_wire_class");
        assertPassed(run, "one_lambda_written_twice_should_read_back_as_one_object");
    }

    @ParameterizedTest(name = "written on {0}, read on {1}")
    @MethodSource("pairs")
    void object_methods_of_a_read_lambda_should_behave_as_for_a_jdk_lambda(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader), "object_methods_should_behave_as_for_a_jdk_lambda");
    }

    @ParameterizedTest(name = "written on {0}, read on {1}")
    @MethodSource("pairs")
    void two_streams_should_read_one_call_site_into_one_class(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader), "two_streams_should_read_one_call_site_into_one_class");
    }

    @ParameterizedTest(name = "written on {0}, written again on {1}, read on 17")
    @MethodSource("pairs")
    void read_lambda_written_again_should_read_back_in_a_third_jvm(Jdk writer, Jdk rewriter) {
        Path again = files.resolve("again-" + writer.feature() + "-" + rewriter.feature() + ".bin");
        ForkedJvm.on(rewriter).withFerry().main(WireFormProgram.class, "rewrite", written(writer).toString(),
                again.toString()).run().assertSucceeded();
        JvmRun third = ForkedJvm.on(Jdk.JDK17).withFerry().main(WireFormProgram.class, "read", again.toString()).run();
        assertPassed(third, "read_lambdas_should_compute_what_the_writers_did");
        assertPassed(third, "read_lambda_should_be_an_instance_of_its_call_sites_wire_class");
        assertPassed(third, "one_lambda_written_twice_should_read_back_as_one_object");
    }

    @Test
    void reader_without_ferry_should_fail_with_class_not_found_naming_the_lambdas_class() {
        JvmRun run = ForkedJvm.on(Jdk.ofThisBuild()).withoutFerry()
                .main(WireFormProgram.class, "read-without-ferry", written(Jdk.ofThisBuild()).toString()).run()
                .assertSucceeded();
        assertEquals(List.of("REFUSED java.lang.ClassNotFoundException: " + Lambdas.class.getName()
                + "$$FerryLambda$0"), run.stdoutLines(), run::report);
    }

    @Test
    void two_writer_jvms_should_write_identical_bytes_for_the_same_lambdas() throws IOException {
        byte[] first = Files.readAllBytes(written(Jdk.JDK17));
        byte[] second = Files.readAllBytes(writtenAgain(Jdk.JDK17));
        byte[] otherJdk = Files.readAllBytes(written(Jdk.JDK25));

        assertArrayEquals(first, second, "two JVMs on one JDK");
        assertArrayEquals(first, otherJdk, "JDK 17 and JDK 25");
        assertTrue(first.length < 400, () -> "the two lambdas should take a few hundred bytes, took " + first.length);
    }

    private static Path written(Jdk jdk) {
        return once(WRITTEN, jdk, "written").get();
    }

    private static Path writtenAgain(Jdk jdk) {
        return once(WRITTEN_AGAIN, jdk, "written-again").get();
    }

    private static synchronized Once<Path> once(Map<Jdk, Once<Path>> runs, Jdk jdk, String name) {
        return runs.computeIfAbsent(jdk, key -> Once.of(() -> {
            Path file = files.resolve(name + "-on-" + key.feature() + ".bin");
            ForkedJvm.on(key).withFerry().main(WireFormProgram.class, "write", file.toString()).run()
                    .assertSucceeded();
            return file;
        }));
    }

    private static JvmRun read(Jdk writer, Jdk reader) {
        return onceFor(writer, reader).get();
    }

    private static synchronized Once<JvmRun> onceFor(Jdk writer, Jdk reader) {
        return READERS.computeIfAbsent(List.of(writer, reader), key -> Once.of(() -> {
            if (!Files.isRegularFile(written(writer))) {
                throw new UncheckedIOException(new IOException("the writer left no file"));
            }
            return ForkedJvm.on(reader).withFerry().main(WireFormProgram.class, "read", written(writer).toString(),
                    writtenAgain(writer).toString()).run();
        }));
    }
}
