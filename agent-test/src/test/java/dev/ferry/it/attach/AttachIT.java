package dev.ferry.it.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code java -jar ferry-agent.jar attach <pid>} against a real running JVM, on JDK 17 and 25 ({@link AttachScenario}
 * tells the story and counts its JVM launches).
 */
class AttachIT {

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void attach_should_exit_0_and_confirm_in_one_line(Jdk jdk) {
        AttachScenario.Outcome outcome = AttachScenario.on(jdk);
        JvmRun attach = outcome.attach().assertSucceeded();
        assertEquals(List.of("Ferry " + FerryCli.agentVersion() + " loaded into JVM " + outcome.targetPid()),
                attach.stdoutLines(), attach::report);
        assertEquals("", attach.stderr(), attach::report);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void lambda_of_a_class_loaded_before_the_attach_should_be_written_and_run_in_another_jvm(Jdk jdk) {
        assertWrittenAndRun(jdk, "EARLY", "42");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void lambda_of_a_class_loaded_after_the_attach_should_be_written_and_run_in_another_jvm(Jdk jdk) {
        assertWrittenAndRun(jdk, "LATE", "ahoy, ferry");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void attached_jvm_should_print_nothing_on_stderr_and_end_normally(Jdk jdk) {
        // JDK 25 targets run with -XX:+EnableDynamicAgentLoading, so even the JDK's own warning is absent
        JvmRun target = AttachScenario.on(jdk).target().assertSucceeded();
        assertEquals("", target.stderr(), target::report);
    }

    /** The attached JVM wrote the lambda without an exception, and the reader ran it with this result. */
    private static void assertWrittenAndRun(Jdk jdk, String lambda, String result) {
        AttachScenario.Outcome outcome = AttachScenario.on(jdk);
        assertLine(outcome.target(), lambda + " WRITTEN");
        assertLine(outcome.reader(), lambda + " " + result);
    }

    private static void assertLine(JvmRun run, String line) {
        assertTrue(run.stdoutLines().contains(line), () -> "expected the line '" + line + "'\n" + run.report());
    }
}
