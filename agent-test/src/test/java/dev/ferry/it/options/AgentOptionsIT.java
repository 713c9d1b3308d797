package dev.ferry.it.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent's options: an unknown one is refused by name in one {@code ferry:} line and leaves the application
 * running without Ferry; {@code include}/{@code exclude} are package prefixes. One JVM launch per test (4).
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
