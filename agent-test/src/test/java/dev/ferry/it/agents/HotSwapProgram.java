package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import dev.ferry.it.support.Verdicts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.instrument.ClassDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Forked JVM with Ferry whose {@link Ticket} (version 1, prepared by Ferry as it loaded) is replaced by version 2 while
 * it runs, its lambdas linked before:
 * <ul>
 *   <li>{@code instrumentation V2 OUT}: the program redefines it itself with {@code Instrumentation.redefineClasses}
 *   (the {@link SecondAgent}'s, {@code keep}), as hot-reload tools do, from the class file V2;</li>
 *   <li>{@code debuggee OUT}: a debugger does it over JDWP; the program prints {@code READY}, and goes on when its
 *   standard input says {@code swapped}.</li>
 * </ul>
 * Then it checks that the new bodies run (in lambdas linked before, in a lambda read back before, and in new ones) and
 * that the lambdas travel; writes them to OUT for a reader ({@link Travel}) and
 * prints the agent's counters.
 */
public final class HotSwapProgram {

    private HotSwapProgram() {
    }

    public static void main(String[] args) throws Exception {
        Verdicts verdicts = new Verdicts();
        IntUnaryOperator linkedBefore = Ticket.fare(7);
        Supplier<String> stamp = Ticket.stamp();
        String before = Travel.probe(linkedBefore) + " " + Travel.probe(stamp);
        // read back before the swap: an instance of the call site's wire class, defined now
        IntUnaryOperator readBefore = (IntUnaryOperator) Streams.readOne(Streams.write(linkedBefore));
        Path out;
        if (args[0].equals("instrumentation")) {
            byte[] secondVersion = Files.readAllBytes(Path.of(args[1]));
            out = Path.of(args[2]);
            verdicts.check("redefinition_of_a_prepared_class_should_succeed", () -> {
                SecondAgent.instrumentation().redefineClasses(new ClassDefinition(Ticket.class, secondVersion));
                return null;
            });
        } else {
            out = Path.of(args[1]);
            System.out.println("READY");
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = input.readLine();
            if (!"swapped".equals(line)) {
                System.out.println("FAIL debugger: expected 'swapped' on standard input, got " + line);
                System.exit(1);
            }
        }
        verdicts.check("version_1_should_have_run_before", () ->
                before.equals("IntUnaryOperator(5)=12 Supplier()=stamped v1") ? null : before);
        verdicts.check("new_body_should_run_in_lambdas_linked_before_the_redefinition", () -> {
            String after = Travel.probe(linkedBefore) + " " + Travel.probe(stamp);
            return after.equals("IntUnaryOperator(5)=507 Supplier()=stamped v2") ? null : after;
        });
        verdicts.check("new_body_should_run_in_lambdas_read_before_the_redefinition", () -> {
            String after = Travel.probe(readBefore);
            return after.equals("IntUnaryOperator(5)=507") ? null : after;
        });
        verdicts.check("new_body_should_run_in_lambdas_linked_after_the_redefinition", () -> {
            String after = Travel.probe(Ticket.fare(9));
            return after.equals("IntUnaryOperator(5)=509") ? null : after;
        });
        verdicts.check("ferry_gate_should_still_be_there_after_the_redefinition", () ->
                Travel.forgedSerializedLambdaProblem(Ticket.class));
        verdicts.check("ferry_lambda_should_round_trip_through_plain_object_streams", () -> {
            String problem = Travel.roundTripProblem(linkedBefore);
            return problem != null ? problem : Travel.roundTripProblem(Ticket.fare(9));
        });
        verdicts.check("javac_serializable_lambda_should_round_trip_through_its_chained_gate", () ->
                Travel.roundTripProblem(stamp));
        Travel.write(out, linkedBefore, Ticket.fare(9), stamp);
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }
}
