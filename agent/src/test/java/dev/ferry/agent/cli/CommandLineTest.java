package dev.ferry.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.agent.cli.CommandLine.Command;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void attach_should_take_a_pid_and_no_options() throws CommandFailure {
        CommandLine line = CommandLine.parse("attach", "4242");
        assertEquals(Command.ATTACH, line.command());
        assertEquals(4242, line.pid());
        assertNull(line.agentOptions());
    }

    @Test
    void attach_should_pass_options_on_and_join_several_words_with_commas() throws CommandFailure {
        assertEquals("include=com.acme", CommandLine.parse("attach", "7", "include=com.acme").agentOptions());
        assertEquals("include=com.acme,exclude=com.acme.internal",
                CommandLine.parse("attach", "7", "include=com.acme", "exclude=com.acme.internal").agentOptions());
    }

    @Test
    void status_should_take_a_pid() throws CommandFailure {
        CommandLine line = CommandLine.parse("status", "12");
        assertEquals(Command.STATUS, line.command());
        assertEquals(12, line.pid());
    }

    @Test
    void status_should_refuse_anything_after_the_pid() {
        assertUsage("status takes a process id only, not 'verbose'", "status", "12", "verbose");
    }

    @Test
    void help_should_be_understood_in_its_usual_spellings() throws CommandFailure {
        for (String word : new String[] {"help", "-h", "--help", "HELP"}) {
            assertEquals(Command.HELP, CommandLine.parse(word).command(), word);
        }
    }

    @Test
    void no_arguments_should_be_a_usage_error_without_a_message() {
        CommandFailure failure = assertThrows(CommandFailure.class, CommandLine::parse);
        assertEquals(FerryCommand.USAGE, failure.exitCode());
        assertNull(failure.getMessage());
    }

    @Test
    void unknown_command_should_be_refused_by_name() {
        assertUsage("unknown command 'stats'", "stats", "12");
    }

    @Test
    void missing_pid_should_say_where_to_find_one() {
        assertUsage("attach needs the process id of a running JVM (jps lists them)", "attach");
        assertUsage("status needs the process id of a running JVM (jps lists them)", "status");
    }

    @Test
    void pid_should_be_a_positive_int() {
        for (String pid : new String[] {"abc", "0", "-5", "12.5", "99999999999", ""}) {
            assertUsage("'" + pid + "' is not a process id (a positive number, as jps lists them)", "status", pid);
        }
    }

    private static void assertUsage(String message, String... arguments) {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> CommandLine.parse(arguments));
        assertEquals(FerryCommand.USAGE, failure.exitCode(), failure::getMessage);
        assertEquals(message, failure.getMessage());
        assertNull(failure.getCause());
    }
}
