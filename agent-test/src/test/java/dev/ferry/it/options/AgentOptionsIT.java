package dev.ferry.it.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent's options: an unknown one is refused by name in one {@code ferry:} line and leaves the application
 * running without Ferry; {@code include}/{@code exclude} are package prefixes; an options file applies, and an
 * invalid value in it is named; {@code logLevel} logs through the platform logger; a misspelled {@code ferry.*}
 * system property or {@code FERRY_*} variable, and a missing or short key file, fail closed the same way, on JDK 17
 * and 25. JVM launches: 16.
 */
class AgentOptionsIT {

    private static final String THIS_PACKAGE = OptionsProbe.class.getPackageName();
    private static final String SERIALIZABLE = "serializable";
    private static final String NOT_SERIALIZABLE = "not-serializable: java.io.NotSerializableException";

    @Test
    void unknown_option_should_be_named_in_one_ferry_line_and_leave_the_application_without_ferry() {
        JvmRun run = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("bogusOption=1").checkingStderrItself());

        List<String> stderr = run.stderrLines();
        assertEquals(1, stderr.size(), () -> "exactly one stderr line expected\n" + run.report());
        assertTrue(stderr.get(0).startsWith("ferry:"), () -> "the line must start with 'ferry:'\n" + run.report());
        assertTrue(stderr.get(0).contains("bogusOption"), () -> "the line must name the option\n" + run.report());
        assertWritability(run, NOT_SERIALIZABLE, NOT_SERIALIZABLE);
    }

    @Test
    void exclude_should_leave_the_lambdas_of_a_package_and_its_subpackages_unprepared() {
        JvmRun run = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("exclude=" + THIS_PACKAGE));
        assertWritability(run, NOT_SERIALIZABLE, NOT_SERIALIZABLE);
    }

    @Test
    void include_may_be_repeated_and_should_prepare_the_lambdas_of_a_package_and_its_subpackages() {
        JvmRun run = probe(ForkedJvm.on(Jdk.ofThisBuild())
                .withFerry("include=dev.ferry.it.unrelated,include=" + THIS_PACKAGE));
        assertWritability(run, SERIALIZABLE, SERIALIZABLE);
    }

    @Test
    void exclude_should_win_over_a_broader_include() {
        JvmRun run = probe(ForkedJvm.on(Jdk.ofThisBuild())
                .withFerry("include=" + THIS_PACKAGE + ",exclude=" + THIS_PACKAGE + ".internal"));
        assertWritability(run, SERIALIZABLE, NOT_SERIALIZABLE);
    }

    @Test
    void options_file_should_apply_and_an_invalid_value_in_it_should_be_named_with_the_allowed_ones(
            @TempDir Path directory) throws IOException {
        Path options = Files.writeString(directory.resolve("ferry.properties"), "exclude=" + THIS_PACKAGE + "\n");
        JvmRun applied = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("config=" + options));
        assertWritability(applied, NOT_SERIALIZABLE, NOT_SERIALIZABLE);

        Path invalid = Files.writeString(directory.resolve("invalid.properties"), "logLevel=loud\n");
        JvmRun refused = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("config=" + invalid).checkingStderrItself());
        List<String> stderr = refused.stderrLines();
        assertEquals(1, stderr.size(), refused::report);
        String line = stderr.get(0);
        assertTrue(line.startsWith("ferry:") && line.contains("logLevel") && line.contains(invalid.toString())
                && line.contains("off, error, warning, info, debug"), refused::report);
    }

    @Test
    void log_level_info_should_log_the_installation_through_the_platform_logger_and_off_should_log_nothing() {
        JvmRun logging = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("logLevel=info").checkingStderrItself());
        assertTrue(logging.stderrLines().stream().anyMatch(line -> line.startsWith("INFO: Ferry ")
                && line.contains(" installed; options {")), logging::report);

        JvmRun silent = probe(ForkedJvm.on(Jdk.ofThisBuild()).withFerry("logLevel=off"));
        assertEquals(List.of(), silent.stderrLines(), silent::report);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void misspelled_system_property_should_be_refused_with_the_option_meant(Jdk jdk) {
        JvmRun run = probe(ForkedJvm.on(jdk).withFerry().systemProperty("ferry.keyfile", "ferry.key")
                .checkingStderrItself());
        assertRefusedInOneLine(run, "ferry.keyfile", "did you mean ferry.keyFile?");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void misspelled_environment_variable_should_be_refused_with_the_option_meant(Jdk jdk) {
        JvmRun run = probe(ForkedJvm.on(jdk).withFerry().env("FERRY_KEYFIL", "ferry.key").checkingStderrItself());
        assertRefusedInOneLine(run, "FERRY_KEYFIL", "did you mean FERRY_KEYFILE?");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void missing_key_file_should_leave_the_application_without_ferry_and_say_so_once(Jdk jdk, @TempDir Path directory) {
        Path missing = directory.resolve("no-such.key");
        JvmRun run = probe(ForkedJvm.on(jdk).withFerry("keyFile=" + missing).checkingStderrItself());
        assertRefusedInOneLine(run, "keyFile", missing.toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void short_key_file_should_be_refused_by_the_same_rule_without_showing_the_key(Jdk jdk, @TempDir Path directory)
            throws IOException {
        Path key = Files.writeString(directory.resolve("short.key"), "0123456789");
        JvmRun run = probe(ForkedJvm.on(jdk).withFerry("keyFile=" + key).checkingStderrItself());
        assertRefusedInOneLine(run, "keyFile", "10 bytes");
        assertTrue(!run.stderr().contains("0123456789"), () -> "the key must never be shown\n" + run.report());
    }

    /**
     * One {@code ferry:} line naming what was refused, and the application runs exactly as without Ferry: its lambdas
     * are not serializable.
     */
    private static void assertRefusedInOneLine(JvmRun run, String named, String saying) {
        List<String> stderr = run.stderrLines();
        assertEquals(1, stderr.size(), () -> "exactly one stderr line expected\n" + run.report());
        String line = stderr.get(0);
        assertTrue(line.startsWith("ferry:") && line.contains(named) && line.contains(saying)
                && line.contains("Ferry is not installed"), () -> "expected a ferry: line naming " + named + " and "
                + saying + "\n" + run.report());
        assertWritability(run, NOT_SERIALIZABLE, NOT_SERIALIZABLE);
    }

    private static JvmRun probe(ForkedJvm jvm) {
        return jvm.main(OptionsProbe.class).run().assertSucceeded();
    }

    private static void assertWritability(JvmRun run, String main, String internal) {
        assertEquals(List.of(main), startOf(run.linesAfter("main="), main), run::report);
        assertEquals(List.of(internal), startOf(run.linesAfter("internal="), internal), run::report);
    }

    /** The lines cut to the expected text's length: the exception message after it is the JDK's business. */
    private static List<String> startOf(List<String> lines, String expected) {
        return lines.stream().map(line -> line.length() > expected.length() ? line.substring(0, expected.length())
                : line).toList();
    }
}
