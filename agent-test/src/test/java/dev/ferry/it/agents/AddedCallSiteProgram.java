package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import dev.ferry.it.support.Verdicts;
import java.lang.instrument.ClassDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

/**
 * Forked JVM with Ferry and {@link SecondAgent} {@code keep}: {@code AddedCallSiteProgram V3 OUT}. A {@link Ticket}
 * lambda is written and read back first (so Ferry has resolved Ticket's call sites), then Ticket is redefined with
 * version 3 (the class file V3), whose {@code fare} gains a method reference: a new lambda call site, which a HotSwap
 * may add since it needs no new method. Checks that the new call site's lambda works and round trips, writes it and
 * an old call site's lambda to OUT for a reader that has version 3 ({@link Travel}), prints the agent's counters.
 */
public final class AddedCallSiteProgram {

    private AddedCallSiteProgram() {
    }

    public static void main(String[] args) throws Exception {
        Verdicts verdicts = new Verdicts();
        IntUnaryOperator linkedBefore = Ticket.fare(7);
        verdicts.check("lambda_should_round_trip_before_the_redefinition", () ->
                Travel.roundTripProblem(linkedBefore));
        byte[] thirdVersion = Files.readAllBytes(Path.of(args[0]));
        verdicts.check("redefinition_adding_a_method_reference_should_succeed", () -> {
            SecondAgent.instrumentation().redefineClasses(new ClassDefinition(Ticket.class, thirdVersion));
            return null;
        });
        verdicts.check("lambda_of_the_added_call_site_should_work", () -> {
            String probe = Travel.probe(Ticket.fare(-1));
            return probe.equals("IntUnaryOperator(5)=-5") ? null : probe;
        });
        verdicts.check("lambda_of_an_old_call_site_should_still_round_trip", () ->
                Travel.roundTripProblem(Ticket.fare(7)));
        verdicts.check("lambda_of_the_added_call_site_should_round_trip_through_plain_object_streams", () ->
                Travel.roundTripProblem(Ticket.fare(-1)));
        verdicts.check("lambda_linked_before_the_redefinition_should_still_round_trip", () ->
                Travel.roundTripProblem(linkedBefore));
        try {
            Travel.write(Path.of(args[1]), Ticket.fare(-1), Ticket.fare(7));
        } catch (Exception e) {
            System.out.println("FAIL write: " + e);
        }
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }
}
