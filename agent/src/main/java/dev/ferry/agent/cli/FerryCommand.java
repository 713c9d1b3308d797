package dev.ferry.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar ferry-agent.jar <command>}: attaches Ferry to a running JVM, or prints the figures of Ferry in one.
 * A plain program: it reaches the other JVM through the JDK's attach API and JMX, and never loads Ferry's runtime in
 * its own JVM.
 *
 * <p>Exit codes: {@value #DONE} done, {@value #NOT_ATTACHABLE} no JVM with that pid can be attached (or its figures
 * read), {@value #USAGE} wrong usage, {@value #NO_FERRY} the JVM does not run Ferry, {@value #NOT_LOADED} the JVM did
 * not load Ferry.
 */
public final class FerryCommand {

    static final int DONE = 0;
    static final int NOT_ATTACHABLE = 1;
    static final int USAGE = 2;
    static final int NO_FERRY = 3;
    static final int NOT_LOADED = 4;

    static final String USAGE_TEXT = String.join("\n",
            "Usage: java -jar ferry-agent.jar <command>",
            "",
            "Commands:",
            "  attach <pid> [options]  load Ferry into the running JVM <pid>; options as after",
            "                          -javaagent:ferry-agent.jar= (key=value,...; several words are",
            "                          joined with commas); files they name are read by that JVM",
            "  status <pid>            print the figures of Ferry in the running JVM <pid> (starts that",
            "                          JVM's local JMX agent, as jcmd ManagementAgent.start_local does)",
            "  help                    print this text",
            "",
            "Exit codes: 0 done, 1 no JVM with that pid can be attached, 2 wrong usage,",
            "            3 that JVM does not run Ferry, 4 that JVM did not load Ferry.",
            "JDK 21 and later print a warning when an agent is attached, unless the target JVM runs",
            "with -XX:+EnableDynamicAgentLoading. Process ids: jps -l.",
            "");

    private FerryCommand() {
    }

    public static void main(String[] arguments) {
        // exit explicitly: a JMX client may leave non-daemon RMI threads behind
        System.exit(run(arguments, System.out, System.err));
    }

    /** Runs one command; what it prints goes to {@code out}, failures to {@code err}. Returns the exit code. */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        try {
            CommandLine command = CommandLine.parse(arguments);
            switch (command.command()) {
                case HELP:
                    out.print(USAGE_TEXT);
                    break;
                case ATTACH:
                    attach(command, out);
                    break;
                default:
                    status(command, out);
                    break;
            }
            return DONE;
        } catch (CommandFailure failure) {
            if (failure.getMessage() != null) {
                err.println("ferry: " + failure.getMessage());
            }
            if (failure.exitCode() == USAGE) {
                err.print(USAGE_TEXT);
            }
            return failure.exitCode();
        }
    }

    private static void attach(CommandLine command, PrintStream out) throws CommandFailure {
        AgentJar.checkOptions(command.agentOptions());
        Path jar = AgentJar.path();
        try (TargetJvm target = TargetJvm.attach(command.pid())) {
            target.loadAgent(jar, command.agentOptions());
        }
        out.println("Ferry " + AgentJar.version() + " loaded into JVM " + command.pid()
                + (command.agentOptions() == null ? "" : " with options " + command.agentOptions()));
    }

    private static void status(CommandLine command, PrintStream out) throws CommandFailure {
        AgentStatus status;
        try (TargetJvm target = TargetJvm.attach(command.pid())) {
            status = AgentStatus.read(target.management(), command.pid());
        }
        out.print(StatusTable.format(command.pid(), status));
    }
}
