package dev.ferry.it.agents;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JaCoCo agent (0.8.15, {@code output=file}) beside Ferry, in both command-line orders, on JDK 17 and 25: JaCoCo
 * records the coverage of {@link Cargo}, a class Ferry prepared (its runtime API has execution data for it while the
 * JVM runs, and the exec file it dumps at exit names it), Cargo's lambdas compute, round trip and travel to a reader
 * JVM with Ferry only, no class fails to transform, and nothing is printed on stderr. A third agent then retransforms
 * Cargo, as a mocking library does in a test run with coverage, and that succeeds too. Two JVM launches per scenario:
 * {@link CoverageProgram} and {@link TravelReader}.
 */
class JacocoBesideFerryIT {

    record Scenario(Beside.Order order, Jdk jdk) {
        @Override
        public String toString() {
            return "JaCoCo beside Ferry, " + order + ", " + jdk;
        }
    }

    private record Outcome(JvmRun writer, Path execFile, JvmRun reader) {
    }

    @TempDir
    static Path files;

    private static final Map<Scenario, Once<Outcome>> OUTCOMES = new ConcurrentHashMap<>();

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
    void jacoco_beside_ferry_should_record_coverage_of_a_prepared_class(Scenario scenario) throws IOException {
        Outcome outcome = outcome(scenario);
        assertPassed(outcome.writer(), "jacoco_should_have_execution_data_of_the_prepared_class");
        assertTrue(Files.isRegularFile(outcome.execFile()) && Files.size(outcome.execFile()) > 0,
                () -> "JaCoCo should have dumped a non-empty " + outcome.execFile() + " at exit\n"
                        + outcome.writer().report());
        String exec = new String(Files.readAllBytes(outcome.execFile()), StandardCharsets.ISO_8859_1);
        assertTrue(exec.contains("dev/ferry/it/agents/Cargo"), () -> "the exec file should have Cargo's probes\n"
                + outcome.writer().report());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void jacoco_beside_ferry_should_leave_lambdas_working_and_round_tripping(Scenario scenario) {
        JvmRun writer = outcome(scenario).writer();
        assertPassed(writer, "lambdas_should_compute_as_without_agents");
        assertPassed(writer, "ferry_lambdas_should_round_trip_through_plain_object_streams");
        assertPassed(writer, "javac_serializable_lambda_should_round_trip_through_its_chained_gate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void retransformation_of_a_class_jacoco_and_ferry_instrumented_should_succeed(Scenario scenario) {
        assertPassed(outcome(scenario).writer(),
                "retransformation_of_a_class_jacoco_and_ferry_instrumented_should_succeed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void jacoco_beside_ferry_should_leave_lambdas_travelling_to_another_jvm(Scenario scenario) {
        Outcome outcome = outcome(scenario);
        Beside.assertTravelled(outcome.writer(), outcome.reader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void jacoco_beside_ferry_should_cause_no_transform_failure_and_print_nothing(Scenario scenario) {
        Beside.assertSilentAndNoTransformFailure(outcome(scenario).writer());
    }

    private static Outcome outcome(Scenario scenario) {
        return OUTCOMES.computeIfAbsent(scenario, key -> Once.of(() -> play(key))).get();
    }

    private static Outcome play(Scenario scenario) {
        String name = "jacoco-" + scenario.order().name() + "-" + scenario.jdk().feature();
        Path exec = files.resolve(name + ".exec");
        Path file = files.resolve(name + ".bin");
        String jacoco = "-javaagent:" + AgentJars.jacoco() + "=destfile=" + exec + ",output=file,includes="
                + "dev.ferry.it.agents.*";
        JvmRun writer = Beside.withFerryAnd(scenario.jdk(), jacoco, scenario.order())
                .jvmOption(AgentJars.secondAgent("keep")).main(CoverageProgram.class, file.toString()).run();
        JvmRun reader = ForkedJvm.on(scenario.jdk()).withFerry().main(TravelReader.class, file.toString()).run();
        return new Outcome(writer, exec, reader);
    }
}
