package dev.ferry.it.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambdas javac already made serializable keep the JDK's serial form, so streams interoperate with JVMs without
 * Ferry in both directions, and a class with both kinds of lambdas round-trips both (javac's
 * {@code $deserializeLambda$} chained, not replaced).
 *
 * <p>JVM launches (4): a writer with Ferry (files A and M), a writer without (file B), a reader without Ferry (A, and
 * M which holds a Ferry recipe) and a reader with Ferry (B and M).
 */
class JavacSerializableCompatibilityIT {

    private static final Jdk JDK = Jdk.ofThisBuild();

    @TempDir
    static Path files;

    private static final Once<JvmRun> FERRY_WRITER = Once.of(() -> ForkedJvm.on(JDK).withFerry()
            .main(CompatProgram.class, "write-javac", file("A").toString(), "write-mixed", file("M").toString())
            .run().assertSucceeded());
    private static final Once<JvmRun> PLAIN_WRITER = Once.of(() -> ForkedJvm.on(JDK).withoutFerry()
            .main(CompatProgram.class, "write-javac", file("B").toString()).run().assertSucceeded());
    private static final Once<JvmRun> PLAIN_READER = Once.of(() -> {
        FERRY_WRITER.get();
        return ForkedJvm.on(JDK).withoutFerry().main(CompatProgram.class, "read-javac", file("A").toString(),
                "read-without-ferry", file("M").toString()).run();
    });
    private static final Once<JvmRun> FERRY_READER = Once.of(() -> {
        FERRY_WRITER.get();
        PLAIN_WRITER.get();
        return ForkedJvm.on(JDK).withFerry()
                .main(CompatProgram.class, "read-javac", file("B").toString(), "read-mixed", file("M").toString())
                .run();
    });

    private static Path file(String name) {
        return files.resolve(name + ".ser");
    }

    @Test
    void javac_serializable_lambda_written_with_ferry_should_read_in_a_jvm_without_ferry() {
        JvmRun reader = PLAIN_READER.get();
        assertPassed(reader, "javac_serializable_lambda_of_a_class_with_only_such_lambdas");
        assertPassed(reader, "javac_serializable_lambda_of_a_class_with_both_kinds");
    }

    @Test
    void javac_serializable_lambda_written_without_ferry_should_read_in_a_jvm_with_ferry() {
        JvmRun reader = FERRY_READER.get();
        assertPassed(reader, "javac_serializable_lambda_of_a_class_with_only_such_lambdas");
        assertPassed(reader, "javac_serializable_lambda_of_a_class_with_both_kinds");
    }

    @Test
    void class_with_a_javac_serializable_and_a_plain_lambda_should_roundtrip_both_with_ferry_on_both_sides() {
        JvmRun reader = FERRY_READER.get();
        assertPassed(reader, "javac_serializable_lambda_next_to_a_plain_one");
        assertPassed(reader, "plain_lambda_next_to_a_javac_serializable_one");
    }

    @Test
    void ferry_recipe_read_in_a_jvm_without_ferry_should_fail_no_worse_than_today() {
        JvmRun reader = PLAIN_READER.get();
        assertTrue(reader.stdoutLines().stream()
                .anyMatch(line -> line.startsWith("PASS ferry_recipe_read_without_ferry_fails_with_a_checked_exception")),
                reader::report);
    }

    @Test
    void javac_serializable_lambda_should_keep_the_jdk_serial_form_with_ferry() throws IOException {
        FERRY_WRITER.get();
        String written = latin1(file("A"));
        assertTrue(written.contains("java.lang.invoke.SerializedLambda"), "the JDK's SerializedLambda form is expected");
        assertFalse(written.contains("$$FerryLambda$"), "no Ferry wire class may appear in a javac-serializable stream");
        assertFalse(written.contains("dev.ferry.boot") || written.contains("dev.ferry.agent"), "no Ferry class may appear in a javac-serializable stream");
    }

    @Test
    void plain_lambda_next_to_a_javac_serializable_one_should_be_written_in_ferrys_wire_form() throws IOException {
        FERRY_WRITER.get();
        String written = latin1(file("M"));
        assertTrue(written.contains("java.lang.invoke.SerializedLambda"), "the serializable lambda keeps the JDK form");
        assertTrue(written.contains(MixedLambdas.class.getName() + "$$FerryLambda$"),
                "the plain lambda travels as its call site's wire class");
        assertFalse(written.contains("dev.ferry.boot") || written.contains("dev.ferry.agent"), "Ferry's wire form names no class of Ferry's");
    }

    private static void assertPassed(JvmRun run, String check) {
        assertTrue(run.stdoutLines().contains("PASS " + check), () -> check + " did not pass\n" + run.report());
    }

    /** Class names in a stream are modified UTF-8, the same bytes as Latin-1 for ASCII names. */
    private static String latin1(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
