package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Builds and runs one real JVM: {@code <jdk>/bin/java [-javaagent:<ferry>[=options]] -cp <test-classes>:<generator
 * libraries> <main> <args>}.
 *
 * <p>A JVM that runs Ferry must print nothing on stderr (Ferry is silent, and an agent error must never go unnoticed):
 * {@link #run()} fails the test when it does, unless the test said it checks stderr itself
 * ({@link #checkingStderrItself()}).
 *
 * <p>{@link #run()} waits for the JVM's end; {@link #start()} returns at once with a {@link Running} handle, for tests
 * that act on a JVM while it runs (attach to it, send it commands).
 */
public final class ForkedJvm {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    /** Variables that would make the launcher print "Picked up ..." or change the class path. */
    private static final List<String> INHERITED_VARIABLES_TO_DROP = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "CLASSPATH");
    /** Every FERRY_* variable is one of Ferry's options (or refused as an unknown one): only the test sets them. */
    private static final String FERRY_VARIABLES = "FERRY_";

    private final Jdk jdk;
    private boolean agent;
    private String agentOptions;
    private final List<String> jvmOptions = new ArrayList<>();
    private String classPath;
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

    /** A JVM option such as {@code -XX:+EnableDynamicAgentLoading}, placed before the class path. */
    public ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ForkedJvm systemProperty(String name, String value) {
        jvmOptions.add("-D" + name + "=" + value);
        return this;
    }

    /**
     * The class path instead of {@link ItSettings#forkedClassPath()}, for a JVM that must not see every test class
     * (a cluster member that lacks the client's code).
     */
    public ForkedJvm classPath(String entries) {
        this.classPath = entries;
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
        command.add(classPath != null ? classPath : ItSettings.forkedClassPath());
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
            environmentOf(builder);
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            JvmRun run = new JvmRun(describe(), command, ended ? process.exitValue() : -1, read(stdout), read(stderr));
            if (!ended) {
                fail("the JVM did not end within " + timeout + "\n" + run.report());
            }
            failOnUnexpectedStderr(run);
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

    /** This JVM's environment, without what would change the JVM behind the test's back, with what the test set. */
    private void environmentOf(ProcessBuilder builder) {
        dropInheritedEnvironment(builder);
        builder.environment().putAll(environment);
    }

    /**
     * Removes from a process's environment what this JVM inherited and would change the forked JVM behind the test's
     * back: the launcher's option variables and every {@code FERRY_*} option. Every process a test starts goes
     * through here.
     */
    public static void dropInheritedEnvironment(ProcessBuilder builder) {
        INHERITED_VARIABLES_TO_DROP.forEach(builder.environment()::remove);
        builder.environment().keySet().removeIf(name -> name.startsWith(FERRY_VARIABLES));
    }

    private void failOnUnexpectedStderr(JvmRun run) {
        if (agent && !stderrCheckedByTest && !run.stderr().isEmpty()) {
            fail("a JVM with Ferry printed on stderr (Ferry must be silent; agent errors fail the tests)\n"
                    + run.report());
        }
    }

    /**
     * Starts the JVM and returns at once. The test must end it: {@link Running#stop()} to check how it ended, and
     * {@link Running#close()} (try-with-resources) so that a failed test leaves no JVM behind.
     */
    public Running start() {
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command);
        environmentOf(builder);
        try {
            return new Running(this, command, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * A started JVM: its pid, what it printed so far (read as it comes), its standard input for commands. Waits use
     * Awaitility with the JVM's {@link #timeout(Duration)} and fail with everything the JVM printed.
     */
    public static final class Running implements AutoCloseable {

        private final ForkedJvm jvm;
        private final List<String> command;
        private final Process process;
        private final List<String> stdout = new CopyOnWriteArrayList<>();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread stdoutReader;
        private final Thread stderrReader;
        private final Writer stdin;

        private Running(ForkedJvm jvm, List<String> command, Process process) {
            this.jvm = jvm;
            this.command = List.copyOf(command);
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.stdoutReader = readLines(process.getInputStream(), stdout::add, "stdout");
            this.stderrReader = readLines(process.getErrorStream(), line -> stderr.append(line).append('\n'),
                    "stderr");
        }

        private Thread readLines(InputStream stream, Consumer<String> sink, String name) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        sink.accept(line);
                    }
                } catch (IOException ended) {
                    // the process was destroyed: what it printed before is kept
                }
            }, "forked-jvm-" + process.pid() + "-" + name);
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        public long pid() {
            return process.pid();
        }

        public Process process() {
            return process;
        }

        /** The stdout lines printed so far. */
        public List<String> stdoutLines() {
            return List.copyOf(stdout);
        }

        /** What the JVM printed on stderr so far. */
        public String stderr() {
            return stderr.toString();
        }

        /** Waits until the JVM printed this exact line on stdout; fails when it ends first or the timeout passes. */
        public Running awaitLine(String line) {
            try {
                Awaitility.await("the line '" + line + "'").atMost(jvm.timeout).pollInterval(Duration.ofMillis(20))
                        .until(() -> printed(line));
            } catch (ConditionTimeoutException e) {
                fail("the JVM did not print the line '" + line + "' within " + jvm.timeout + "\n" + report(-1));
            }
            return this;
        }

        /** Whether the line is there; fails at once when the JVM ended without printing it. */
        private boolean printed(String line) {
            boolean ended = !process.isAlive();
            if (ended) {
                joinReaders();
            }
            if (stdout.contains(line)) {
                return true;
            }
            if (ended) {
                fail("the JVM ended without printing the line '" + line + "'\n" + report(process.exitValue()));
            }
            return false;
        }

        /** Writes one line on the JVM's standard input. */
        public Running send(String line) {
            try {
                stdin.write(line + "\n");
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not send '" + line + "' to the JVM\n" + report(-1), e);
            }
            return this;
        }

        /**
         * Closes the JVM's standard input (programs written for this end when their input ends), waits for its end
         * and returns what it did; fails like {@link ForkedJvm#run()} when it outlives the timeout or, with Ferry,
         * printed on stderr.
         */
        public JvmRun stop() {
            try {
                stdin.close();
            } catch (IOException alreadyEnded) {
                // the JVM ended before: its exit code tells how
            }
            try {
                boolean ended = process.waitFor(jvm.timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor();
                }
                joinReaders();
                JvmRun run = new JvmRun(jvm.describe(), command, ended ? process.exitValue() : -1, stdoutText(),
                        stderr.toString());
                if (!ended) {
                    fail("the JVM did not end within " + jvm.timeout + " after its input was closed\n" + run.report());
                }
                jvm.failOnUnexpectedStderr(run);
                return run;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + command, e);
            }
        }

        /** Destroys the JVM if it still runs. */
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void joinReaders() {
            try {
                stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
                stderrReader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String report(int exitCode) {
            return new JvmRun(jvm.describe() + " (pid " + pid() + ")", command, exitCode, stdoutText(),
                    stderr.toString()).report();
        }

        /** As {@link ForkedJvm#run()} has it: every line followed by a line break. */
        private String stdoutText() {
            StringBuilder text = new StringBuilder();
            stdout.forEach(line -> text.append(line).append('\n'));
            return text.toString();
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
