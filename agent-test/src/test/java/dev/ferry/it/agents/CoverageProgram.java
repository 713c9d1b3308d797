package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Verdicts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Forked JVM with Ferry, the JaCoCo agent and {@link SecondAgent} {@code keep}: {@code CoverageProgram OUT}. Runs
 * {@link Cargo}'s lambdas, round trips them, asks JaCoCo's runtime API for the execution data so far, has the second
 * agent retransform Cargo (as a mocking library would in a test run with coverage), writes the lambdas to OUT for a
 * reader ({@link Travel}) and prints the agent's counters. JaCoCo's API is called reflectively: its runtime jar is
 * on the class path only as the {@code -javaagent} jar.
 */
public final class CoverageProgram {

    private CoverageProgram() {
    }

    public static void main(String[] args) throws Exception {
        Verdicts verdicts = new Verdicts();
        IntUnaryOperator scaled = Cargo.scaled(3);
        Function<String, String> labelled = Cargo.labelled("dock");
        Supplier<String> manifest = Cargo.manifest("crates");
        verdicts.check("lambdas_should_compute_as_without_agents", () -> {
            String probes = Travel.probe(scaled) + " " + Travel.probe(labelled) + " " + Travel.probe(manifest);
            return probes.equals("IntUnaryOperator(5)=15 Function(crate)=dock:crate:50 Supplier()=manifest of crates")
                    ? null : probes;
        });
        verdicts.check("ferry_lambdas_should_round_trip_through_plain_object_streams", () -> {
            String problem = Travel.roundTripProblem(scaled);
            return problem != null ? problem : Travel.roundTripProblem(labelled);
        });
        verdicts.check("javac_serializable_lambda_should_round_trip_through_its_chained_gate", () ->
                Travel.roundTripProblem(manifest));
        verdicts.check("jacoco_should_have_execution_data_of_the_prepared_class", () -> {
            byte[] data = executionData();
            String text = new String(data, StandardCharsets.ISO_8859_1);
            return text.contains("dev/ferry/it/agents/Cargo") ? null
                    : "JaCoCo's execution data (" + data.length + " bytes) does not name dev/ferry/it/agents/Cargo";
        });
        verdicts.check("retransformation_of_a_class_jacoco_and_ferry_instrumented_should_succeed", () -> {
            // as a mocking library does in a test run with coverage: a third agent retransforms the class
            SecondAgent.instrumentation().retransformClasses(Cargo.class);
            String probes = Travel.probe(scaled) + " " + Travel.probe(Cargo.scaled(4));
            String problem = Travel.roundTripProblem(Cargo.scaled(4));
            return problem != null ? problem : probes.equals("IntUnaryOperator(5)=15 IntUnaryOperator(5)=20") ? null
                    : probes;
        });
        Travel.write(Path.of(args[0]), scaled, labelled, manifest);
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }

    /** {@code org.jacoco.agent.rt.RT.getAgent().getExecutionData(false)}. */
    private static byte[] executionData() throws ReflectiveOperationException {
        Object agent = Class.forName("org.jacoco.agent.rt.RT").getMethod("getAgent").invoke(null);
        return (byte[]) Class.forName("org.jacoco.agent.rt.IAgent").getMethod("getExecutionData", boolean.class)
                .invoke(agent, false);
    }
}
