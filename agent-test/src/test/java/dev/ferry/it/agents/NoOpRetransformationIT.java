package dev.ferry.it.agents;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;

import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second agent that registers a retransformation-capable transformer changing nothing, and retransforms
 * {@link Cargo} (a class Ferry prepared as it loaded) twice, with its {@code -javaagent} before or after Ferry's, on
 * JDK 17 and 25: the JVM replays Ferry's transformation from the class's original bytes each time, and accepts it
 * (the gate is added again, so no method is deleted); so does a retransformation of the JDK classes Ferry hooks
 * ({@code ObjectOutputStream}, {@code ObjectInputStream}) and prepares (JDK combinators); lambdas keep working and
 * round trip; nothing fails, nothing is printed. One JVM launch per scenario ({@link NoOpRetransformProgram}).
 */
class NoOpRetransformationIT {

    record Scenario(Beside.Order order, Jdk jdk) {
        @Override
        public String toString() {
            return "no-op retransformation, " + order + ", " + jdk;
        }
    }

    private static final Map<Scenario, Once<JvmRun>> RUNS = new ConcurrentHashMap<>();

    static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Jdk jdk : Jdk.values()) {
            for (Beside.Order order : Beside.Order.values()) {
                scenarios.add(new Scenario(order, jdk));
            }
        }
        return scenarios;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void retransformation_by_a_second_agents_no_op_transformer_should_succeed(Scenario scenario) {
        assertPassed(run(scenario), "retransformation_by_a_second_agent_should_succeed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void retransformation_of_the_jdk_classes_ferry_hooks_should_keep_lambdas_travelling(Scenario scenario) {
        JvmRun run = run(scenario);
        assertPassed(run, "retransformation_of_the_jdk_classes_ferry_hooks_or_prepares_should_succeed");
        assertPassed(run, "ferry_lambdas_should_round_trip_through_plain_object_streams");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lambdas_should_keep_working_and_round_trip_after_the_retransformation(Scenario scenario) {
        JvmRun run = run(scenario);
        assertPassed(run, "lambdas_should_keep_working");
        assertPassed(run, "ferry_lambdas_should_round_trip_through_plain_object_streams");
        assertPassed(run, "javac_serializable_lambda_should_round_trip_through_its_chained_gate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ferry_should_count_no_transform_failure_and_print_nothing(Scenario scenario) {
        Beside.assertSilentAndNoTransformFailure(run(scenario));
    }

    private static JvmRun run(Scenario scenario) {
        return RUNS.computeIfAbsent(scenario, key -> Once.of(() ->
                Beside.withFerryAnd(key.jdk(), AgentJars.secondAgent("no-op"), key.order())
                        .main(NoOpRetransformProgram.class).run())).get();
    }
}
