package dev.ferry.it.agents;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte Buddy's {@code AgentBuilder} with {@code RedefinitionStrategy.RETRANSFORMATION} and a real {@code Advice}
 * retransforms {@link Cargo}, a class Ferry prepared as it loaded (its lambda call sites repointed, its
 * {@code $deserializeLambda$} gate added): the retransformation succeeds, the advice runs, and Cargo's lambdas keep
 * working and travelling, on JDK 17 and 25. Byte Buddy comes either at run time ({@code ByteBuddyAgent.install()}, a
 * self-attach as Mockito's inline mock maker does) or as a {@code -javaagent} before Ferry's, whose transformer then
 * runs before Ferry's. Two JVM launches per scenario: the writer ({@link ByteBuddyProgram}) and a reader with Ferry
 * only ({@link TravelReader}).
 */
class ByteBuddyBesideFerryIT {

    /** How Byte Buddy comes into the JVM. */
    enum Arrival {
        SELF_ATTACHED("Byte Buddy self-attached at run time"),
        JAVAAGENT_BEFORE_FERRY("Byte Buddy's agent before Ferry's on the command line");

        private final String text;

        Arrival(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record Scenario(Arrival arrival, Jdk jdk) {
        @Override
        public String toString() {
            return arrival + ", " + jdk;
        }
    }

    private record Outcome(JvmRun writer, JvmRun reader) {
    }

    @TempDir
    static Path files;

    private static final Map<Scenario, Once<Outcome>> OUTCOMES = new ConcurrentHashMap<>();

    static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Jdk jdk : Jdk.values()) {
            for (Arrival arrival : Arrival.values()) {
                scenarios.add(new Scenario(arrival, jdk));
            }
        }
        return scenarios;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void byte_buddy_retransformation_of_a_prepared_class_should_succeed_and_its_advice_run(Scenario scenario) {
        JvmRun writer = outcome(scenario).writer();
        assertPassed(writer, "byte_buddy_retransformation_of_a_prepared_class_should_succeed");
        assertPassed(writer, "byte_buddy_should_report_no_error");
        assertPassed(writer, "advice_should_run_once_per_call");
        assertPassed(writer, "advice_should_run_inside_the_classes_lambdas");
        assertPassed(writer, "ferry_gate_should_still_be_there_after_the_retransformation");
        if (scenario.arrival() == Arrival.JAVAAGENT_BEFORE_FERRY) {
            assertPassed(writer, "byte_buddy_should_have_advised_the_class_as_it_loaded_before_ferry_prepared_it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lambdas_of_the_retransformed_class_should_keep_working_and_round_trip(Scenario scenario) {
        JvmRun writer = outcome(scenario).writer();
        assertPassed(writer, "lambdas_linked_before_the_retransformation_should_keep_working");
        assertPassed(writer, "lambdas_linked_after_the_retransformation_should_work");
        assertPassed(writer, "ferry_lambdas_should_round_trip_through_plain_object_streams");
        assertPassed(writer, "javac_serializable_lambda_should_round_trip_through_its_chained_gate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lambdas_of_the_retransformed_class_should_travel_to_another_jvm(Scenario scenario) {
        Outcome outcome = outcome(scenario);
        Beside.assertTravelled(outcome.writer(), outcome.reader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ferry_should_count_no_transform_failure_and_print_nothing(Scenario scenario) {
        Beside.assertSilentAndNoTransformFailure(outcome(scenario).writer());
    }

    private static Outcome outcome(Scenario scenario) {
        return OUTCOMES.computeIfAbsent(scenario, key -> Once.of(() -> play(key))).get();
    }

    private static Outcome play(Scenario scenario) {
        Path file = files.resolve("byte-buddy-" + scenario.arrival().name() + "-" + scenario.jdk().feature() + ".bin");
        ForkedJvm writer;
        if (scenario.arrival() == Arrival.SELF_ATTACHED) {
            writer = Beside.allowingDynamicAgents(ForkedJvm.on(scenario.jdk()).withFerry()
                    .systemProperty("jdk.attach.allowAttachSelf", "true"))
                    .main(ByteBuddyProgram.class, "attach", file.toString()).checkingStderrItself();
        } else {
            writer = Beside.withFerryAnd(scenario.jdk(), AgentJars.secondAgent("byte-buddy"), Beside.Order.OTHER_FIRST)
                    .main(ByteBuddyProgram.class, "premain", file.toString());
        }
        if (scenario.jdk().feature() >= 24) {
            // Byte Buddy's class injector calls sun.misc.Unsafe, about which JDK 24 and later warn on stderr, with or
            // without Ferry (JEP 498); Ferry's own silence on JDK 25 is SilenceIT's
            writer.jvmOption("--sun-misc-unsafe-memory-access=allow");
        }
        JvmRun written = writer.run();
        JvmRun reader = ForkedJvm.on(scenario.jdk()).withFerry().main(TravelReader.class, file.toString()).run();
        return new Outcome(written, reader);
    }
}
