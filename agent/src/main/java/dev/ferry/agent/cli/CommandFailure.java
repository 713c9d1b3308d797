package dev.ferry.agent.cli;

/**
 * Why a command could not do its work: one line for the person who ran it, and the exit code that tells scripts the
 * same ({@link FerryCommand} lists the codes).
 */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Wrong arguments; {@code message} may be null when the usage text alone says it (no arguments at all). */
    static CommandFailure usage(String message) {
        return new CommandFailure(FerryCommand.USAGE, message, null);
    }

    static CommandFailure notAttachable(long pid, Exception cause) {
        return new CommandFailure(FerryCommand.NOT_ATTACHABLE,
                "no Java VM with pid " + pid + " can be attached (" + reason(cause) + ")", cause);
    }

    static CommandFailure connectionLost(long pid, Exception cause) {
        return new CommandFailure(FerryCommand.NOT_ATTACHABLE,
                "could not read the management figures of JVM " + pid + " (" + reason(cause) + ")", cause);
    }

    static CommandFailure noFerry(long pid, String objectName) {
        return new CommandFailure(FerryCommand.NO_FERRY,
                "JVM " + pid + " does not run Ferry (no MBean " + objectName + ")", null);
    }

    static CommandFailure notLoaded(long pid, String why, Exception cause) {
        return new CommandFailure(FerryCommand.NOT_LOADED,
                "JVM " + pid + " did not load Ferry: " + why + (cause == null ? "" : " (" + reason(cause) + ")"),
                cause);
    }

    /** The command runs from a class directory or an unreadable location: there is no jar to load. */
    static CommandFailure noAgentJar(String where, Exception cause) {
        return new CommandFailure(FerryCommand.NOT_LOADED, "this command runs from " + where + ", not from the agent"
                + " jar, so it has nothing to load: run java -jar ferry-agent.jar attach <pid>", cause);
    }

    int exitCode() {
        return exitCode;
    }

    /** The JDK's own words (its attach errors say what is wrong: "No such process", "non existent JVM pid"). */
    private static String reason(Exception cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message.strip();
    }
}
