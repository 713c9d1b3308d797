package dev.ferry.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's exit codes and where it prints; attaching to real JVMs is tested in agent-test (it.attach). */
class FerryCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return FerryCommand.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_should_print_the_usage_on_stdout_and_exit_0() {
        assertEquals(0, run("help"));
        assertEquals(FerryCommand.USAGE_TEXT, out());
        assertEquals("", err());
    }

    @Test
    void no_arguments_should_print_the_usage_on_stderr_and_exit_2() {
        assertEquals(2, run());
        assertEquals(FerryCommand.USAGE_TEXT, err());
        assertEquals("", out());
    }

    @Test
    void usage_error_should_print_one_ferry_line_then_the_usage_and_exit_2() {
        assertEquals(2, run("status", "abc"));
        assertTrue(err().startsWith("ferry: 'abc' is not a process id"), err());
        assertTrue(err().endsWith(FerryCommand.USAGE_TEXT), err());
    }

    @Test
    void wrong_agent_options_should_be_refused_before_attaching() {
        // pid 1 is never this user's JVM: reaching the attach step would fail differently
        assertEquals(2, run("attach", "1", "colour=blue"));
        assertTrue(err().startsWith("ferry: unknown option 'colour'"), err());
        assertTrue(err().contains("Ferry was not loaded"), err());
    }

    @Test
    void attach_should_exit_4_when_the_command_does_not_run_from_the_agent_jar() {
        // unit tests run from target/classes: there is no jar a JVM could load
        assertEquals(4, run("attach", "1"));
        assertTrue(err().startsWith("ferry: this command runs from "), err());
        assertTrue(err().contains("not from the agent jar"), err());
    }

    @Test
    void pid_of_no_process_should_exit_1_with_one_line() {
        // above every platform's pid_max: no process has this pid
        assertEquals(1, run("status", String.valueOf(Integer.MAX_VALUE)));
        assertTrue(err().startsWith("ferry: no Java VM with pid 2147483647 can be attached ("), err());
        assertEquals(1, err().lines().count(), err());
        assertEquals("", out());
    }
}
