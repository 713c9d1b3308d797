package dev.ferry.agent.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link FerryCommand} was asked to do: {@code attach <pid> [options]}, {@code status <pid>} or {@code help}.
 * Parsing only; nothing here touches another JVM.
 */
final class CommandLine {

    /** The commands, by the word that names them. */
    enum Command {
        ATTACH, STATUS, HELP
    }

    private static final List<String> HELP_WORDS = List.of("help", "-h", "--help", "-help");

    private final Command command;
    private final long pid;
    private final String agentOptions;

    private CommandLine(Command command, long pid, String agentOptions) {
        this.command = command;
        this.pid = pid;
        this.agentOptions = agentOptions;
    }

    /**
     * @throws CommandFailure with {@link FerryCommand#USAGE} for anything else than the three commands and their
     *         arguments; without a message when there are no arguments at all
     */
    static CommandLine parse(String... arguments) throws CommandFailure {
        if (arguments.length == 0) {
            throw CommandFailure.usage(null);
        }
        String word = arguments[0];
        if (HELP_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
            return new CommandLine(Command.HELP, 0, null);
        }
        List<String> rest = Arrays.asList(arguments).subList(1, arguments.length);
        switch (word) {
            case "attach":
                return new CommandLine(Command.ATTACH, pid(word, rest), agentOptions(rest));
            case "status":
                if (rest.size() > 1) {
                    throw CommandFailure.usage("status takes a process id only, not '" + rest.get(1) + "'");
                }
                return new CommandLine(Command.STATUS, pid(word, rest), null);
            default:
                throw CommandFailure.usage("unknown command '" + word + "'");
        }
    }

    private static long pid(String command, List<String> rest) throws CommandFailure {
        if (rest.isEmpty()) {
            throw CommandFailure.usage(command + " needs the process id of a running JVM (jps lists them)");
        }
        String text = rest.get(0);
        try {
            // pids are positive ints on every platform the attach API supports
            int pid = Integer.parseInt(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the text that was given
        }
        throw CommandFailure.usage("'" + text + "' is not a process id (a positive number, as jps lists them)");
    }

    /** The agent arguments after the pid; several are joined with commas, so each option may be its own word. */
    private static String agentOptions(List<String> rest) {
        if (rest.size() < 2) {
            return null;
        }
        return String.join(",", rest.subList(1, rest.size()));
    }

    Command command() {
        return command;
    }

    /** The target JVM's process id; 0 for {@link Command#HELP}. */
    long pid() {
        return pid;
    }

    /** The agent arguments for {@link Command#ATTACH}, as after {@code -javaagent:ferry-agent.jar=}; null if none. */
    String agentOptions() {
        return agentOptions;
    }
}
