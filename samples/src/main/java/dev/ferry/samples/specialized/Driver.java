package dev.ferry.samples.specialized;

import dev.ferry.samples.process.Failure;
import dev.ferry.samples.process.JavaProcess;
import dev.ferry.samples.process.Wire;
import dev.ferry.samples.process.WorkerJvm;
import dev.ferry.samples.specialized.library.ModelType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The specialization demo's entry point: sends the generated models of {@link Samples} to a {@link Worker} JVM and
 * checks every answer.
 *
 * <p>Run it with the agent attached, the library's class path, and the agent jar's path as its only argument (the
 * {@code demo} profile of {@code samples/pom.xml} does exactly that):
 * <pre>
 * java -javaagent:ferry-agent.jar -cp samples/target/classes:byte-buddy.jar dev.ferry.samples.specialized.Driver \
 *      ferry-agent.jar
 * </pre>
 * It first runs {@link WithoutFerry} to show the exception Java gives today. Then it starts the worker JVM with the
 * agent, and for each sample writes the object with a plain {@link ObjectOutputStream} and reads the worker's
 * {@link Inspection} with a plain {@link ObjectInputStream}. A sample matches when, in the worker, the object is of
 * the class the worker's own library returns for the same specialization, reads as it does here, and was read without
 * validating anything; and when the object the worker sent back is of this JVM's class again. The driver exits 0 only
 * if every sample matched and the worker stopped cleanly. Every wait has a time limit, so the demo cannot hang.
 */
public final class Driver {

    /** Two JVMs run one after the other: the writer, then the reader it starts. */
    private static final Duration WITHOUT_FERRY_TIMEOUT = Duration.ofSeconds(60);

    /** One line per sample: the object as the worker read it, bytes sent, its class there, classes generated, check. */
    private static final String ROW = "  %-44s %7s  %-24s %9s  %s%n";

    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = WorkerJvm.agentJarArgument(args, Driver.class);
        System.out.println(); // a blank line after the previous demo's table
        System.out.println("Ferry demo: generated specializations written with ObjectOutputStream here, read in another"
                + " JVM (Java " + Runtime.version().feature() + ")");
        System.out.println("  without Ferry: " + withoutFerry(agentJar));
        System.exit(withFerry(agentJar) ? 0 : 1);
    }

    /** Runs {@link WithoutFerry} in a JVM without the agent and returns the line it printed. */
    private static String withoutFerry(Path agentJar) throws IOException, InterruptedException {
        return JavaProcess.outputWithoutAgent(agentJar, WithoutFerry.class, WITHOUT_FERRY_TIMEOUT);
    }

    /** Starts the worker with the agent, sends it every sample, prints the results; true if all matched. */
    private static boolean withFerry(Path agentJar) throws IOException, InterruptedException {
        List<Sample> samples = Samples.all();
        List<Outcome> outcomes = new ArrayList<>();
        try (WorkerJvm worker = WorkerJvm.start(agentJar, Worker.class)) {
            System.out.println("  with Ferry:    a worker JVM started with -javaagent:" + agentJar.getFileName()
                    + (JavaProcess.hasAgent() ? ", like this one" : " (note: this JVM has no -javaagent)")
                    + "; nothing generated there yet");
            try {
                worker.connect();
                System.out.println();
                System.out.printf(ROW, "read in the worker", "sent", "its class there", "generated", "check");
                for (Sample sample : samples) {
                    Outcome outcome = send(sample, worker);
                    outcome.print();
                    outcomes.add(outcome);
                }
                worker.sendStop();
            } catch (IOException e) {
                System.out.println("  the connection to the worker failed: " + e);
            }
            System.out.println();
            printTotals(outcomes);
            WorkerJvm.Exit exit = worker.awaitExit();
            long matched = outcomes.stream().filter(outcome -> outcome.problems().isEmpty()).count();
            System.out.println(matched + " of " + samples.size() + " objects matched; the worker "
                    + exit.description() + ".");
            return matched == samples.size() && exit.clean();
        }
    }

    /** What the worker's library did while reading, and how each JVM named the first sample's class. */
    private static void printTotals(List<Outcome> outcomes) {
        List<Inspection> inspections = outcomes.stream().map(Outcome::inspection).filter(Objects::nonNull).toList();
        if (inspections.isEmpty()) {
            return;
        }
        System.out.println("In the worker, " + inspections.stream().filter(Inspection::identical).count() + " of "
                + inspections.size() + " were of the very class TypedModels.specialize returns there for them.");
        Outcome first = outcomes.get(0);
        if (first.inspection() != null) {
            Class<?> here = first.sample().classIn().apply(first.sent());
            System.out.println("Names differ: " + ModelType.nameOf(here) + " is " + here.getSimpleName() + " here, "
                    + first.inspection().workerClass() + " in the worker.");
        }
        System.out.println("While reading them, the worker generated "
                + inspections.stream().mapToInt(Inspection::generated).sum() + " classes and ran "
                + inspections.stream().mapToLong(Inspection::validations).sum() + " validations.");
    }

    /**
     * Sends one sample to the worker and checks its answer. A failure of this sample is returned as its outcome; only
     * a broken connection is thrown, since no later sample could be sent either.
     */
    private static Outcome send(Sample sample, WorkerJvm worker) throws IOException {
        Object sent;
        byte[] request;
        try {
            sent = sample.make().get();
            request = Wire.frameOf(sample.name(), sent);
        } catch (Exception | LinkageError e) {
            return Outcome.failed(sample, null, 0, "could not make or write the object: " + e);
        }
        byte[] reply = worker.exchange(request);
        Object answer;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(reply))) {
            answer = objects.readObject();
        } catch (Exception | LinkageError e) {
            return Outcome.failed(sample, sent, request.length, "could not read the worker's answer: " + e);
        }
        if (answer instanceof Failure failure) {
            return Outcome.failed(sample, sent, request.length, "in the worker: " + failure.description());
        }
        Inspection inspection = (Inspection) answer;
        return new Outcome(sample, sent, request.length, inspection, problems(sample, sent, inspection));
    }

    /** What the worker's answer says went wrong; empty if nothing did. */
    private static List<String> problems(Sample sample, Object sent, Inspection inspection) {
        List<String> problems = new ArrayList<>();
        String expected = String.valueOf(sent);
        if (!inspection.identical()) {
            problems.add("the worker read an object of a class other than its library's for the same specialization");
        }
        if (!inspection.state().equals(expected)) {
            problems.add("the worker read " + inspection.state() + ", not " + expected);
        }
        if (inspection.validations() != 0) {
            problems.add("the worker ran " + inspection.validations() + " validations while reading");
        }
        if (sample.classIn().apply(inspection.echo()) != sample.classIn().apply(sent)) {
            problems.add("sent back, the object is not of this JVM's class for the same specialization");
        }
        if (!String.valueOf(inspection.echo()).equals(expected)) {
            problems.add("sent back, the object reads " + inspection.echo() + ", not " + expected);
        }
        return problems;
    }

    /**
     * How one sample went.
     *
     * @param sent       the object sent, or {@code null} if it could not be made
     * @param bytes      the size of the serialized sample, or 0 if it could not be written
     * @param inspection the worker's answer, or {@code null} if there was none
     * @param problems   what went wrong, each printed in full on a line of its own; empty if nothing did
     */
    private record Outcome(Sample sample, Object sent, int bytes, Inspection inspection, List<String> problems) {

        static Outcome failed(Sample sample, Object sent, int bytes, String problem) {
            return new Outcome(sample, sent, bytes, null, List.of(problem));
        }

        void print() {
            String check = problems.isEmpty() ? "OK" : inspection == null ? "FAILED" : "MISMATCH";
            if (inspection == null) {
                System.out.printf(ROW, "(" + sample.name() + ")", bytes > 0 ? bytes + " B" : "-", "-", "-", check);
            } else {
                System.out.printf(ROW, inspection.state(), bytes + " B", inspection.workerClass(),
                        inspection.generated(), check);
            }
            problems.forEach(problem -> System.out.println("      " + problem));
        }
    }
}
