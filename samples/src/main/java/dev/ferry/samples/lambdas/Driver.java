package dev.ferry.samples.lambdas;

import dev.ferry.samples.process.Failure;
import dev.ferry.samples.process.JavaProcess;
import dev.ferry.samples.process.Wire;
import dev.ferry.samples.process.WorkerJvm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

    /** One line per task: name, bytes sent, where it ran, result, check. */
    private static final String ROW = "  %-24s %8s  %-19s  %-32s %s%n";
    private static final int RESULT_WIDTH = 32;

    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = WorkerJvm.agentJarArgument(args, Driver.class);
        System.out.println("Ferry demo: lambdas written with ObjectOutputStream here, read and run in another JVM"
                + " (Java " + Runtime.version().feature() + ")");
        System.out.println("  without Ferry: " + withoutFerry(agentJar));
        System.exit(withFerry(agentJar) ? 0 : 1);
    }

    /** Runs {@link WithoutFerry} in a JVM without the agent and returns the line it printed. */
    private static String withoutFerry(Path agentJar) throws IOException, InterruptedException {
        return JavaProcess.outputWithoutAgent(agentJar, WithoutFerry.class, WITHOUT_FERRY_TIMEOUT);
    }

    /** Starts the worker with the agent, runs every task through it, prints the results; true if all matched. */
    private static boolean withFerry(Path agentJar) throws IOException, InterruptedException {
        List<Task> tasks = Tasks.all();
        int matched = 0;
        try (WorkerJvm worker = WorkerJvm.start(agentJar, Worker.class)) {
            System.out.println("  with Ferry:    a worker JVM started with -javaagent:" + agentJar.getFileName()
                    + (JavaProcess.hasAgent() ? ", like this one"
                    : "; note: this JVM has no -javaagent, so it cannot write them"));
            try {
                worker.connect();
                System.out.println();
                System.out.printf(ROW, "task", "sent", "ran in", "result", "check");
                for (Task task : tasks) {
                    Outcome outcome = run(task, worker);
                    outcome.print(task);
                    matched += outcome.status() == Status.OK ? 1 : 0;
                }
                worker.sendStop();
            } catch (IOException e) {
                System.out.println("  the connection to the worker failed: " + e);
            }
            System.out.println();
            WorkerJvm.Exit exit = worker.awaitExit();
            System.out.println(matched + " of " + tasks.size() + " tasks matched; the worker "
                    + exit.description() + ".");
            return matched == tasks.size() && exit.clean();
        }
    }

    /**
     * Runs one task here and in the worker and compares the answers. A failure of this task is returned as its
     * outcome; only a broken connection is thrown, since no later task could run either.
     */
    private static Outcome run(Task task, WorkerJvm worker) throws IOException {
        Object expected;
        try {
            expected = task.finish(Runner.run(task.job(), task.input()));
        } catch (Exception | LinkageError e) {
            return Outcome.failed(0, "failed in the driver itself: " + e);
        }

        byte[] request;
        try {
            request = Wire.frameOf(task.job(), task.input());
        } catch (Exception | LinkageError e) {
            return Outcome.failed(0, "could not write the job: " + e);
        }
        byte[] reply = worker.exchange(request);
        Object answer;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(reply))) {
            answer = objects.readObject();
        } catch (Exception | LinkageError e) {
            return Outcome.failed(request.length, "could not read the worker's answer: " + e);
        }
        if (answer instanceof Failure failure) {
            return Outcome.failed(request.length, "in the worker: " + failure.description());
        }

        Object actual;
        try {
            actual = task.finish(answer);
        } catch (Exception | LinkageError e) {
            return Outcome.failed(request.length, "the worker's answer failed in the driver: " + e);
        }
        return Objects.equals(expected, actual)
                ? new Outcome(Status.OK, request.length, show(actual), null)
                : new Outcome(Status.MISMATCH, request.length, show(actual), "expected " + expected);
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
