package dev.ferry.samples.lambdas;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The demo's entry point: sends the lambdas of {@link Tasks} to a {@link Worker} JVM and checks every answer.
 *
 * <p>Run it with the agent attached and the agent jar's path as its only argument (the {@code demo} profile of
 * {@code samples/pom.xml} does exactly that):
 * <pre>
 * java -javaagent:ferry-agent.jar -cp samples/target/classes dev.ferry.samples.lambdas.Driver ferry-agent.jar
 * </pre>
 * It first starts a JVM without the agent ({@link WithoutFerry}) to show the exception Java gives today. Then it
 * starts the worker JVM with the agent, and for each task writes the lambda and its input with a plain
 * {@link ObjectOutputStream}, reads the worker's answer with a plain {@link ObjectInputStream}, and compares it with
 * the answer it computes itself from the original lambda. It exits 0 only if every task matched and the worker
 * stopped cleanly. Every wait has a time limit, so the demo cannot hang.
 */
public final class Driver {

    private static final Duration WITHOUT_FERRY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WORKER_EXIT_TIMEOUT = Duration.ofSeconds(15);

    /** One line per task: name, bytes sent, where it ran, result, check. */
    private static final String ROW = "  %-24s %8s  %-19s  %-32s %s%n";
    private static final int RESULT_WIDTH = 32;

    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -javaagent:<ferry-agent.jar> -cp <classes> " + Driver.class.getName()
                    + " <ferry-agent.jar>");
            System.exit(2);
        }
        Path agentJar = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(agentJar)) {
            System.err.println("Ferry agent jar not found: " + agentJar + " (build it with: mvn -B -q -DskipTests package)");
            System.exit(2);
        }
        System.out.println("Ferry demo: lambdas written with ObjectOutputStream here, read and run in another JVM"
                + " (Java " + Runtime.version().feature() + ")");
        System.out.println("  without Ferry: " + withoutFerry(agentJar));
        System.exit(withFerry(agentJar) ? 0 : 1);
    }

    /** Runs {@link WithoutFerry} in a JVM without the agent and returns the line it printed. */
    private static String withoutFerry(Path agentJar) throws IOException, InterruptedException {
        Process child = JavaProcess.builder(List.of(), JavaProcess.classPathWithout(agentJar), WithoutFerry.class)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        OptionalInt exit = JavaProcess.awaitExit(child, WITHOUT_FERRY_TIMEOUT);
        if (exit.isEmpty()) {
            return "(the JVM without the agent did not finish within " + WITHOUT_FERRY_TIMEOUT.toSeconds() + " s)";
        }
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return printed.isEmpty() ? "(no output; exit code " + exit.getAsInt() + ")" : printed;
    }

    /** Starts the worker with the agent, runs every task through it, prints the results; true if all matched. */
    private static boolean withFerry(Path agentJar) throws IOException, InterruptedException {
        List<Task> tasks = Tasks.all();
        int matched = 0;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println("  with Ferry:    a worker JVM started with -javaagent:" + agentJar.getFileName()
                    + (hasAgent() ? ", like this one" : "; note: this JVM has no -javaagent, so it cannot write them"));
            String port = String.valueOf(server.getLocalPort());
            Process worker = JavaProcess.builder(List.of("-javaagent:" + agentJar),
                            JavaProcess.classPathWithout(agentJar), Worker.class, port)
                    .inheritIO()
                    .start();
            try (Socket socket = accept(server, worker)) {
                System.out.println();
                System.out.printf(ROW, "task", "sent", "ran in", "result", "check");
                socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(socket.getInputStream());
                for (Task task : tasks) {
                    Outcome outcome = run(task, out, in);
                    outcome.print(task);
                    matched += outcome.status() == Status.OK ? 1 : 0;
                }
                Wire.sendStop(out);
            } catch (IOException e) {
                System.out.println("  the connection to the worker failed: " + e);
            }
            System.out.println();
            OptionalInt exit = JavaProcess.awaitExit(worker, WORKER_EXIT_TIMEOUT);
            boolean workerOk = exit.isPresent() && exit.getAsInt() == 0;
            System.out.println(matched + " of " + tasks.size() + " tasks matched; the worker "
                    + (exit.isEmpty() ? "did not exit within " + WORKER_EXIT_TIMEOUT.toSeconds() + " s and was killed"
                    : workerOk ? "stopped cleanly" : "exited with code " + exit.getAsInt()) + ".");
            return matched == tasks.size() && workerOk;
        }
    }

    /** Waits for the worker to connect, giving up early if it exits first. */
    private static Socket accept(ServerSocket server, Process worker) throws IOException {
        server.setSoTimeout(250);
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (!worker.isAlive()) {
                    throw new IOException("the worker exited with code " + worker.exitValue() + " before connecting");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the worker did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
        }
    }

    /**
     * Runs one task here and in the worker and compares the answers. A failure of this task is returned as its
     * outcome; only a broken connection is thrown, since no later task could run either.
     */
    private static Outcome run(Task task, DataOutputStream out, DataInputStream in) throws IOException {
        Object expected;
        try {
            expected = task.finish(Runner.run(task.job(), task.input()));
        } catch (Exception | LinkageError e) {
            return Outcome.failed(0, "failed in the driver itself: " + e);
        }

        ByteArrayOutputStream request = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(request)) {
            objects.writeObject(task.job());
            objects.writeObject(task.input());
        } catch (Exception | LinkageError e) {
            return Outcome.failed(0, "could not write the job: " + e);
        }
        Wire.send(out, request.toByteArray());

        byte[] reply = Wire.receive(in);
        if (reply == null) {
            throw new StreamCorruptedException("the worker said stop instead of answering");
        }
        Object answer;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(reply))) {
            answer = objects.readObject();
        } catch (Exception | LinkageError e) {
            return Outcome.failed(request.size(), "could not read the worker's answer: " + e);
        }
        if (answer instanceof Worker.Failure failure) {
            return Outcome.failed(request.size(), "in the worker: " + failure.description());
        }

        Object actual;
        try {
            actual = task.finish(answer);
        } catch (Exception | LinkageError e) {
            return Outcome.failed(request.size(), "the worker's answer failed in the driver: " + e);
        }
        return Objects.equals(expected, actual)
                ? new Outcome(Status.OK, request.size(), show(actual), null)
                : new Outcome(Status.MISMATCH, request.size(), show(actual), "expected " + expected);
    }

    /** Whether this JVM was started with {@code -javaagent}. */
    private static boolean hasAgent() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:"));
    }

    /** A result as printed: strings quoted, long values cut. */
    private static String show(Object value) {
        String text = value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
        return text.length() <= RESULT_WIDTH ? text : text.substring(0, RESULT_WIDTH - 3) + "...";
    }

    private enum Status { OK, MISMATCH, FAILED }

    /**
     * How one task went.
     *
     * @param bytes  the size of the serialized job and input, or 0 if they could not be written
     * @param result the worker's result as printed
     * @param detail what went wrong, printed in full on a second line; {@code null} if nothing did
     */
    private record Outcome(Status status, int bytes, String result, String detail) {

        static Outcome failed(int bytes, String detail) {
            return new Outcome(Status.FAILED, bytes, "-", detail);
        }

        void print(Task task) {
            boolean sent = bytes > 0;
            System.out.printf(ROW, task.name(), sent ? bytes + " B" : "-", sent ? task.ranIn() : "-", result, status);
            if (detail != null) {
                System.out.println("      " + detail);
            }
        }
    }
}
