package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds and runs one real JVM: {@code <jdk>/bin/java [-javaagent:<ferry>[=options]] -cp <test-classes>:<generator
 * libraries> <main> <args>}.
 *
 * <p>A JVM that runs Ferry must print nothing on stderr (Ferry is silent, and an agent error must never go unnoticed):
 * {@link #run()} fails the test when it does, unless the test said it checks stderr itself
 * ({@link #checkingStderrItself()}).
 */
public final class ForkedJvm {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    /** Variables that would make the launcher print "Picked up ..." or give Ferry options the test did not choose. */
    private static final List<String> INHERITED_VARIABLES_TO_DROP = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "CLASSPATH", "FERRY_INCLUDE", "FERRY_EXCLUDE", "FERRY_KEYFILE", "FERRY_BYVALUE",
            "FERRY_BYNAME", "FERRY_DENYREFERENCES", "FERRY_ALLOWREFERENCES");

    private final Jdk jdk;
    private boolean agent;
    private String agentOptions;
    private final List<String> jvmOptions = new ArrayList<>();
    private String mainClass;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean stderrCheckedByTest;

    private ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
    }

    public static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    public ForkedJvm withFerry() {
        this.agent = true;
        this.agentOptions = null;
        return this;
    }

    /** {@code -javaagent:ferry-agent.jar=<options>}. */
    public ForkedJvm withFerry(String options) {
        this.agent = true;
        this.agentOptions = options;
        return this;
    }

    public ForkedJvm withoutFerry() {
        this.agent = false;
        this.agentOptions = null;
        return this;
    }

    /** With or without Ferry, for tests that compare both. */
    public ForkedJvm ferry(boolean on) {
        return on ? withFerry() : withoutFerry();
    }

    public ForkedJvm systemProperty(String name, String value) {
        jvmOptions.add("-D" + name + "=" + value);
        return this;
    }

    public ForkedJvm main(Class<?> main, String... args) {
        this.mainClass = main.getName();
        arguments.clear();
        arguments.addAll(List.of(args));
        return this;
    }

    public ForkedJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ForkedJvm timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The test asserts on stderr itself (expected output, or a dedicated silence check). */
    public ForkedJvm checkingStderrItself() {
        this.stderrCheckedByTest = true;
        return this;
    }

    public boolean hasFerry() {
        return agent;
    }

    public Jdk jdk() {
        return jdk;
    }

    List<String> command() {
        if (mainClass == null) {
            throw new IllegalStateException("no main class");
        }
        List<String> command = new ArrayList<>();
        command.add(jdk.javaLauncher().toString());
        if (agent) {
            command.add("-javaagent:" + ItSettings.agentJar() + (agentOptions == null ? "" : "=" + agentOptions));
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ItSettings.forkedClassPath());
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Runs the JVM to its end (or fails the test when it outlives the timeout) and returns what it did. */
    public JvmRun run() {
        List<String> command = command();
        Path logs = null;
        try {
            logs = Files.createTempDirectory("ferry-forked-jvm");
            Path stdout = logs.resolve("stdout");
            Path stderr = logs.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logs.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            INHERITED_VARIABLES_TO_DROP.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            JvmRun run = new JvmRun(describe(), command, ended ? process.exitValue() : -1, read(stdout), read(stderr));
            if (!ended) {
                fail("the JVM did not end within " + timeout + "\n" + run.report());
            }
            if (agent && !stderrCheckedByTest && !run.stderr().isEmpty()) {
                fail("a JVM with Ferry printed on stderr (Ferry must be silent; agent errors fail the tests)\n"
                        + run.report());
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        } finally {
            deleteQuietly(logs);
        }
    }

    private String describe() {
        String ferry = agent ? "with Ferry" + (agentOptions == null ? "" : " (" + agentOptions + ")") : "without Ferry";
        return jdk + " " + ferry + ": " + mainClass + " " + String.join(" ", arguments);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path logs) {
        if (logs == null) {
            return;
        }
        try {
            Files.deleteIfExists(logs.resolve("stdout"));
            Files.deleteIfExists(logs.resolve("stderr"));
            Files.deleteIfExists(logs);
        } catch (IOException ignored) {
            // a temporary directory left behind must not fail the test that used it
        }
    }
}
