package dev.ferry.it.agents;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.Failures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HotSwap of {@link Ticket}, a class Ferry prepared as it loaded, with a changed lambda body
 * ({@link TicketVersions#SECOND}, compiled here), on JDK 17 and 25, two ways: a debugger over JDWP (JDI's
 * {@code VirtualMachine.redefineClasses} from this test JVM, as an IDE does) and
 * {@code Instrumentation.redefineClasses} (as hot-reload tools do). Ferry prepares the new bytes as it prepared the
 * old, gate included, so the JVM accepts the new class (no "attempted to delete a method"); the new body runs in
 * lambdas linked before and after and in one read back before; the lambdas round trip and travel to a reader JVM that
 * has version 2 too. Two JVM launches per scenario: {@link HotSwapProgram} and {@link TravelReader}.
 */
class HotSwapIT {

    private static final String JDWP_LISTENING = "Listening for transport dt_socket at address: ";

    /** Who replaces the class. */
    enum Swapper {
        DEBUGGER("a debugger over JDWP"),
        INSTRUMENTATION("Instrumentation.redefineClasses");

        private final String text;

        Swapper(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record Scenario(Swapper swapper, Jdk jdk) {
        @Override
        public String toString() {
            return "HotSwap by " + swapper + ", " + jdk;
        }
    }

    /** @param swapFailure what the debugger's redefinition threw, null when it succeeded (or the program did it) */
    private record Outcome(String swapFailure, JvmRun program, JvmRun reader) {
    }

    @TempDir
    static Path files;

    private static final Once<Path> SECOND_VERSION = Once.of(() ->
            TicketVersions.compileInto(TicketVersions.SECOND, directory("v2")));
    private static final Once<Path> THIRD_VERSION = Once.of(() ->
            TicketVersions.compileInto(TicketVersions.THIRD, directory("v3")));
    private static final Map<Scenario, Once<Outcome>> OUTCOMES = new ConcurrentHashMap<>();

    static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Jdk jdk : Jdk.values()) {
            for (Swapper swapper : Swapper.values()) {
                scenarios.add(new Scenario(swapper, jdk));
            }
        }
        return scenarios;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void hotswap_of_a_prepared_class_with_a_changed_lambda_body_should_succeed(Scenario scenario) {
        Outcome outcome = outcome(scenario);
        if (scenario.swapper() == Swapper.DEBUGGER) {
            assertNull(outcome.swapFailure(), () -> "the debugger's redefinition failed: " + outcome.swapFailure()
                    + "\n" + outcome.program().report());
        } else {
            assertPassed(outcome.program(), "redefinition_of_a_prepared_class_should_succeed");
        }
        assertPassed(outcome.program(), "ferry_gate_should_still_be_there_after_the_redefinition");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void new_lambda_body_should_run_after_the_hotswap(Scenario scenario) {
        JvmRun program = outcome(scenario).program();
        assertPassed(program, "version_1_should_have_run_before");
        assertPassed(program, "new_body_should_run_in_lambdas_linked_before_the_redefinition");
        assertPassed(program, "new_body_should_run_in_lambdas_read_before_the_redefinition");
        assertPassed(program, "new_body_should_run_in_lambdas_linked_after_the_redefinition");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lambdas_should_still_travel_after_the_hotswap(Scenario scenario) {
        Outcome outcome = outcome(scenario);
        assertPassed(outcome.program(), "ferry_lambda_should_round_trip_through_plain_object_streams");
        assertPassed(outcome.program(), "javac_serializable_lambda_should_round_trip_through_its_chained_gate");
        Beside.assertTravelled(outcome.program(), outcome.reader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ferry_should_count_no_transform_failure_and_print_nothing(Scenario scenario) {
        Beside.assertSilentAndNoTransformFailure(outcome(scenario).program());
    }

    /**
     * A HotSwap that adds a lambda call site (a method reference needs no new method, so the JVM accepts it) to a class
     * whose lambdas had travelled already: the new call site's lambdas travel, and so do lambdas linked before (the
     * call site they came from moved to another index), in this JVM and to a reader that has the new version.
     */
    @ParameterizedTest(name = "HotSwap adding a method reference, {0}")
    @EnumSource(Jdk.class)
    void hotswap_adding_a_method_reference_to_a_class_whose_lambdas_travelled_should_leave_its_lambdas_travelling(
            Jdk jdk) {
        Path file = files.resolve("added-call-site-" + jdk.feature() + ".bin");
        JvmRun program = Beside.withFerryAnd(jdk, AgentJars.secondAgent("keep"), Beside.Order.FERRY_FIRST)
                .main(AddedCallSiteProgram.class, THIRD_VERSION.get().toString(), file.toString()).run();
        JvmRun reader = ForkedJvm.on(jdk).withFerry()
                .classPath(directory("v3") + File.pathSeparator + ItSettings.forkedClassPath())
                .main(TravelReader.class, file.toString()).run();
        assertPassed(program, "lambda_should_round_trip_before_the_redefinition");
        assertPassed(program, "redefinition_adding_a_method_reference_should_succeed");
        assertPassed(program, "lambda_of_the_added_call_site_should_work");
        assertPassed(program, "lambda_of_an_old_call_site_should_still_round_trip");
        assertPassed(program, "lambda_of_the_added_call_site_should_round_trip_through_plain_object_streams");
        assertPassed(program, "lambda_linked_before_the_redefinition_should_still_round_trip");
        Beside.assertTravelled(program, reader);
        Beside.assertSilentAndNoTransformFailure(program);
    }

    private static Outcome outcome(Scenario scenario) {
        return OUTCOMES.computeIfAbsent(scenario, key -> Once.of(() -> play(key))).get();
    }

    private static Outcome play(Scenario scenario) {
        Path secondVersion = SECOND_VERSION.get();
        Path file = files.resolve("hotswap-" + scenario.swapper().name() + "-" + scenario.jdk().feature() + ".bin");
        String swapFailure = null;
        JvmRun program;
        if (scenario.swapper() == Swapper.DEBUGGER) {
            ForkedJvm debuggee = ForkedJvm.on(scenario.jdk()).withFerry()
                    .jvmOption("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0")
                    .main(HotSwapProgram.class, "debuggee", file.toString()).checkingStderrItself();
            try (ForkedJvm.Running running = debuggee.start()) {
                running.awaitLine("READY");
                try {
                    Debugger.hotSwap(jdwpPort(running), Ticket.class.getName(), Files.readAllBytes(secondVersion));
                } catch (Exception e) {
                    swapFailure = Failures.describeChain(e);
                }
                program = running.send("swapped").stop();
            }
        } else {
            program = Beside.withFerryAnd(scenario.jdk(), AgentJars.secondAgent("keep"), Beside.Order.FERRY_FIRST)
                    .main(HotSwapProgram.class, "instrumentation", secondVersion.toString(), file.toString()).run();
        }
        JvmRun reader = ForkedJvm.on(scenario.jdk()).withFerry()
                .classPath(directory("v2") + File.pathSeparator + ItSettings.forkedClassPath())
                .main(TravelReader.class, file.toString()).run();
        return new Outcome(swapFailure, program, reader);
    }

    /** The port the debuggee's JDWP agent printed before its {@code main} ran. */
    private static int jdwpPort(ForkedJvm.Running running) {
        return running.stdoutLines().stream().filter(line -> line.startsWith(JDWP_LISTENING))
                .map(line -> Integer.parseInt(line.substring(JDWP_LISTENING.length()).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the debuggee printed no JDWP address: "
                        + running.stdoutLines()));
    }

    private static synchronized Path directory(String name) {
        try {
            return Files.createDirectories(files.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
