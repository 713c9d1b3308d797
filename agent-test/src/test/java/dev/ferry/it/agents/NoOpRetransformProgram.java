package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Verdicts;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.instrument.Instrumentation;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Forked JVM with Ferry and {@link SecondAgent} {@code no-op} (a retransformation-capable transformer that changes
 * nothing): {@link Cargo} is loaded (prepared, gated) and its lambdas linked, then the second agent retransforms it,
 * twice, and then the JDK classes Ferry hooks ({@code ObjectOutputStream}, {@code ObjectInputStream}) or prepares (JDK
 * combinators), as agents that retransform every loaded class do. Prints a {@code PASS}/{@code FAIL} line per check
 * and the agent's counters.
 */
public final class NoOpRetransformProgram {

    private NoOpRetransformProgram() {
    }

    public static void main(String[] args) throws Exception {
        Verdicts verdicts = new Verdicts();
        IntUnaryOperator linkedBefore = Cargo.scaled(3);
        Function<String, String> labelled = Cargo.labelled("dock");
        Supplier<String> manifest = Cargo.manifest("crates");
        Instrumentation instrumentation = SecondAgent.instrumentation();
        verdicts.check("retransformation_by_a_second_agent_should_succeed", () -> {
            instrumentation.retransformClasses(Cargo.class);
            instrumentation.retransformClasses(Cargo.class);
            int seen = (int) SecondAgent.retransformationsSeen().stream()
                    .filter(name -> name.equals("dev/ferry/it/agents/Cargo")).count();
            return seen == 2 ? null : "the no-op transformer saw Cargo retransformed " + seen + " times, not twice";
        });
        verdicts.check("retransformation_of_the_jdk_classes_ferry_hooks_or_prepares_should_succeed", () -> {
            // as agents that retransform broadly do: Ferry's hooks in the object streams, a prepared JDK combinator
            instrumentation.retransformClasses(ObjectOutputStream.class, ObjectInputStream.class, Function.class,
                    IntUnaryOperator.class);
            return null;
        });
        verdicts.check("lambdas_should_keep_working", () -> {
            String probes = Travel.probe(linkedBefore) + " " + Travel.probe(labelled) + " " + Travel.probe(manifest)
                    + " " + Travel.probe(Cargo.scaled(4));
            return probes.equals("IntUnaryOperator(5)=15 Function(crate)=dock:crate:50 Supplier()=manifest of crates"
                    + " IntUnaryOperator(5)=20") ? null : probes;
        });
        verdicts.check("ferry_lambdas_should_round_trip_through_plain_object_streams", () -> {
            String problem = Travel.roundTripProblem(linkedBefore);
            problem = problem != null ? problem : Travel.roundTripProblem(Cargo.labelled("late"));
            // a lambda of a prepared JDK combinator, capturing two of Cargo's
            return problem != null ? problem : Travel.roundTripProblem(Cargo.scaled(2).andThen(Cargo.scaled(3)));
        });
        verdicts.check("javac_serializable_lambda_should_round_trip_through_its_chained_gate", () ->
                Travel.roundTripProblem(manifest));
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }
}
