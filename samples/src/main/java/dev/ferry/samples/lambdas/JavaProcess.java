package dev.ferry.samples.lambdas;

import java.io.File;
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
final class JavaProcess {

    private JavaProcess() {
    }

    /**
     * A process builder for {@code java <jvmOptions> -cp <classPath> <mainClass> <args>}.
     *
     * @param classPath the child's class path; see {@link #classPathWithout}
     */
    static ProcessBuilder builder(List<String> jvmOptions, String classPath, Class<?> mainClass, String... args) {
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
    static String classPathWithout(Path jar) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !Path.of(entry).toAbsolutePath().normalize().equals(jar))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Waits for {@code process} to exit; if it does not within {@code timeout}, kills it.
     *
     * @return its exit code, or empty if it had to be killed
     */
    static OptionalInt awaitExit(Process process, Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return OptionalInt.empty();
    }

    /** The {@code java} executable running this JVM. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
