package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import dev.ferry.it.support.Verdicts;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Forked JVM with Ferry: {@code ByteBuddyProgram <how> OUT}. {@link Cargo} is loaded (so prepared by Ferry, with its
 * gate) and its lambdas linked first; then Byte Buddy's {@link CargoAdvice} retransforms it:
 * <ul>
 *   <li>{@code attach}: Byte Buddy comes at run time, {@code ByteBuddyAgent.install()} (a self-attach, as Mockito's
 *   inline mock maker does), and its {@code AgentBuilder} retransforms the loaded class;</li>
 *   <li>{@code premain}: Byte Buddy's agent came first on the command line ({@link SecondAgent} {@code byte-buddy}),
 *   so it advised Cargo as it loaded, before Ferry prepared it; the program then retransforms Cargo, as such an agent
 *   does when its configuration changes.</li>
 * </ul>
 * Prints a {@code PASS}/{@code FAIL} line per check, what it wrote to OUT for a reader ({@link Travel}) and the agent's
 * counters.
 */
public final class ByteBuddyProgram {

    private ByteBuddyProgram() {
    }

    public static void main(String[] args) throws Exception {
        String how = args[0];
        Path out = Path.of(args[1]);
        Verdicts verdicts = new Verdicts();
        IntUnaryOperator linkedBefore = Cargo.scaled(3);
        Function<String, String> labelledBefore = Cargo.labelled("early");
        Supplier<String> manifest = Cargo.manifest("crates");
        String beforeRetransformation = Travel.probe(linkedBefore) + " " + Travel.probe(labelledBefore) + " "
                + Travel.probe(manifest);
        // read back before the retransformation: an instance of the call site's wire class, defined now
        @SuppressWarnings("unchecked")
        Function<String, String> readBefore = (Function<String, String>) Streams.readOne(Streams.write(labelledBefore));

        CargoAdvice.Recording recording;
        Instrumentation instrumentation;
        if (how.equals("attach")) {
            recording = new CargoAdvice.Recording();
            instrumentation = ByteBuddyAgent.install();
            verdicts.check("byte_buddy_retransformation_of_a_prepared_class_should_succeed", () -> {
                CargoAdvice.install(instrumentation, recording);
                return retransformedOnce(recording);
            });
        } else {
            recording = SecondAgent.recording();
            instrumentation = SecondAgent.instrumentation();
            verdicts.check("byte_buddy_should_have_advised_the_class_as_it_loaded_before_ferry_prepared_it", () ->
                    recording.transformations().equals(List.of(CargoAdvice.CARGO + " at load")) ? null
                            : "Byte Buddy reported " + recording.transformations());
            verdicts.check("byte_buddy_retransformation_of_a_prepared_class_should_succeed", () -> {
                instrumentation.retransformClasses(Cargo.class);
                return retransformedOnce(recording);
            });
        }
        verdicts.check("advice_should_run_once_per_call", () -> {
            int calls = Advised.CALLS.get();
            int weight = Cargo.weigh(1);
            int counted = Advised.CALLS.get() - calls;
            return weight == 11 && counted == 1 ? null : "weigh(1)=" + weight + " (11 expected), advice ran "
                    + counted + " times (once expected)";
        });
        verdicts.check("advice_should_run_inside_the_classes_lambdas", () -> {
            String early = labelledBefore.apply("ab");
            String read = readBefore.apply("ab");
            String late = Cargo.labelled("late").apply("abc");
            return early.equals("early:ab:21") && read.equals("early:ab:21") && late.equals("late:abc:31") ? null
                    : "linked before " + early + ", read before " + read + ", linked after " + late;
        });
        verdicts.check("lambdas_linked_before_the_retransformation_should_keep_working", () -> {
            String after = Travel.probe(linkedBefore) + " " + Travel.probe(manifest);
            String expected = "IntUnaryOperator(5)=15 Supplier()=manifest of crates";
            return after.equals(expected) ? null : after + " (before the retransformation: " + beforeRetransformation
                    + ")";
        });
        verdicts.check("lambdas_linked_after_the_retransformation_should_work", () -> {
            String probe = Travel.probe(Cargo.scaled(4));
            return probe.equals("IntUnaryOperator(5)=20") ? null : probe;
        });
        verdicts.check("ferry_gate_should_still_be_there_after_the_retransformation", () ->
                Travel.forgedSerializedLambdaProblem(Cargo.class));
        verdicts.check("ferry_lambdas_should_round_trip_through_plain_object_streams", () -> {
            String problem = Travel.roundTripProblem(linkedBefore);
            return problem != null ? problem : Travel.roundTripProblem(Cargo.labelled("late"));
        });
        verdicts.check("javac_serializable_lambda_should_round_trip_through_its_chained_gate", () ->
                Travel.roundTripProblem(manifest));
        verdicts.check("byte_buddy_should_report_no_error", () ->
                recording.errors().isEmpty() ? null : String.join("; ", recording.errors()));
        Travel.write(out, linkedBefore, Cargo.scaled(4), manifest);
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }

    /** Null when Byte Buddy's listener reported Cargo transformed as a loaded class exactly once. */
    private static String retransformedOnce(CargoAdvice.Recording recording) {
        long count = recording.transformations().stream()
                .filter(transformation -> transformation.equals(CargoAdvice.CARGO + " retransformed")).count();
        return count == 1 ? null : "Byte Buddy reported " + recording.transformations() + ", errors "
                + recording.errors();
    }
}
