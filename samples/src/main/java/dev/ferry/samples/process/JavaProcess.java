package dev.ferry.samples.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts another JVM like this one (same {@code java} executable, same classes) and waits for it with a time limit.
 */
public final class JavaProcess {

    private JavaProcess() {
    }

    /**
     * A process builder for {@code java <jvmOptions> -cp <classPath> <mainClass> <args>}.
     *
     * @param classPath the child's class path; see {@link #classPathWithout}
     */
    public static ProcessBuilder builder(List<String> jvmOptions, String classPath, Class<?> mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * This JVM's class path without {@code jar}. {@code -javaagent} adds the agent jar to the class path; a child
     * that is meant to run without Ferry should not have it there, and a child with {@code -javaagent} gets it again.
     */
    public static String classPathWithout(Path jar) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !Path.of(entry).toAbsolutePath().normalize().equals(jar))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Runs {@code mainClass} in a JVM without the agent (this JVM's class path without {@code agentJar}) and returns
     * what it printed; see {@link #outputOf}.
     */
    public static String outputWithoutAgent(Path agentJar, Class<?> mainClass, Duration timeout)
            throws IOException, InterruptedException {
        return outputOf(builder(List.of(), classPathWithout(agentJar), mainClass), new byte[0], timeout);
    }

    /**
     * Starts {@code builder}'s process, writes {@code input} to its standard input, and returns what it printed on
     * standard output, stripped; its standard error goes to this JVM's. Meant for a child that prints a line or two:
     * the output is read once the child has exited.
     *
     * @return the output, or a note in parentheses if the child printed nothing or did not finish within
     *         {@code timeout} (it is then killed)
     */
    public static String outputOf(ProcessBuilder builder, byte[] input, Duration timeout)
            throws IOException, InterruptedException {
        Process child = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // the child exited without reading its input; what it printed says why
        }
        OptionalInt exit = awaitExit(child, timeout);
        if (exit.isEmpty()) {
            return "(the JVM did not finish within " + timeout.toSeconds() + " s)";
        }
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return printed.isEmpty() ? "(no output; exit code " + exit.getAsInt() + ")" : printed;
    }

    /**
     * Waits for {@code process} to exit; if it does not within {@code timeout}, kills it.
     *
     * @return its exit code, or empty if it had to be killed
     */
    public static OptionalInt awaitExit(Process process, Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return OptionalInt.empty();
    }

    /** Whether this JVM was started with {@code -javaagent}. */
    public static boolean hasAgent() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:"));
    }

    /** The {@code java} executable running this JVM. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
