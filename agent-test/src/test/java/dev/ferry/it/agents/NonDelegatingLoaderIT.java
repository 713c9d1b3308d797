package dev.ferry.it.agents;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.agents.isolated.IsolatedApp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application loaded by a class loader that asks the boot loader only for {@code java.*} (OSGi's and JBoss
 * Modules' default; {@link IsolatingLoader}) does not resolve Ferry's runtime to the boot loader's classes, so Ferry
 * must leave its classes alone: the application runs exactly as without Ferry (its lambdas, JDK combinators and
 * streams work; its javac-serializable lambdas travel through plain streams; its other lambdas stay plain JDK
 * lambdas), Ferry counts its classes as skipped, and nothing is printed. With {@code dev.ferry.*} boot-delegated (as
 * {@code org.osgi.framework.bootdelegation=dev.ferry.*} does) Ferry prepares them and their lambdas travel. A stream
 * that resolves classes through such a loader reads what Ferry wrote of classes it sees, since Ferry's wire form names
 * no class of Ferry's. Two JVM launches per JDK: {@link IsolatedHostProgram} with and without Ferry.
 */
class NonDelegatingLoaderIT {

    private static final String ISOLATED = "isolated: ";
    private static final String BOOT_DELEGATION = "bootdelegation: ";

    private static final Map<Jdk, Once<JvmRun>> WITH_FERRY = new EnumMap<>(Jdk.class);
    private static final Map<Jdk, Once<JvmRun>> WITHOUT_FERRY = new EnumMap<>(Jdk.class);

    static {
        for (Jdk jdk : Jdk.values()) {
            WITH_FERRY.put(jdk, Once.of(() -> ForkedJvm.on(jdk).withFerry().main(IsolatedHostProgram.class)
                    .checkingStderrItself().run()));
            WITHOUT_FERRY.put(jdk, Once.of(() -> ForkedJvm.on(jdk).withoutFerry().main(IsolatedHostProgram.class)
                    .run()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void application_of_a_loader_not_delegating_to_the_boot_loader_should_run_exactly_as_without_ferry(Jdk jdk) {
        JvmRun with = WITH_FERRY.get(jdk).get();
        JvmRun without = WITHOUT_FERRY.get(jdk).get().assertSucceeded();
        assertEquals(List.of("lambda: 15", "JDK combinator: 8", "stream pipeline: FIG,PEAR",
                "plain lambda is Serializable: false", "plain lambda round trip: not serializable",
                "JDK combinator round trip: not serializable",
                "javac-serializable lambda round trip: computes javac lambda of 3",
                "declares $deserializeLambda$: true",
                "declares $deserializeLambda$javac: false"), without.linesAfter(ISOLATED), without::report);
        assertEquals(without.linesAfter(ISOLATED), with.linesAfter(ISOLATED),
                () -> "the application must see what it sees without Ferry\n" + without.report() + "\n"
                        + with.report());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void ferry_should_leave_that_loaders_classes_untouched_and_count_them_as_skipped(Jdk jdk) {
        JvmRun with = WITH_FERRY.get(jdk).get();
        List<String> counters = with.linesAfter("isolated counters: ");
        assertEquals(1, counters.size(), with::report);
        assertTrue(counters.get(0).matches("classes\\.skipped \\+[1-9][0-9]* classes\\.prepared \\+[0-9]+"),
                () -> "the loader's classes with lambdas should be counted as skipped, got " + counters.get(0) + "\n"
                        + with.report());
        // the isolated loader's classes with lambdas, as Ferry's MXBean names them: the application's, and the
        // capturing class of the lambdas read through that loader; none of the boot-delegating loader's
        List<String> skipped = with.linesAfter("RECENT skipped ");
        assertEquals(List.of(IsolatedApp.class.getName(), Cargo.class.getName()),
                skipped.stream().map(line -> line.substring(0, line.indexOf(':'))).toList(), with::report);
        assertTrue(skipped.stream().allMatch(line -> line.contains("isolated loader")), with::report);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void loader_delegating_ferrys_packages_to_the_boot_loader_should_get_travelling_lambdas(Jdk jdk) {
        JvmRun with = WITH_FERRY.get(jdk).get();
        assertEquals(List.of("lambda: 15", "JDK combinator: 8", "stream pipeline: FIG,PEAR",
                "plain lambda is Serializable: true", "plain lambda round trip: computes 15",
                "JDK combinator round trip: computes 8",
                "javac-serializable lambda round trip: computes javac lambda of 3",
                "declares $deserializeLambda$: true",
                // Ferry adds no method to an application class: javac's $deserializeLambda$ stays as it is
                "declares $deserializeLambda$javac: false"), with.linesAfter(BOOT_DELEGATION), with::report);
        List<String> counters = with.linesAfter("bootdelegation counters: ");
        assertEquals(1, counters.size(), with::report);
        assertTrue(counters.get(0).matches("classes\\.skipped \\+0 classes\\.prepared \\+[1-9][0-9]*"),
                () -> "the loader's classes should be prepared, got " + counters.get(0) + "\n" + with.report());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void reader_resolving_classes_through_such_loaders_should_read_what_ferry_wrote_of_classes_it_sees(Jdk jdk) {
        JvmRun with = WITH_FERRY.get(jdk).get();
        assertPassed(with, "ferry_written_streams_should_name_no_class_of_ferry");
        assertPassed(with, "reader_through_an_isolating_loader_should_read_plain_objects_and_javac_lambdas");
        assertPassed(with, "reader_through_an_isolating_loader_should_refuse_a_ferry_lambda_with_an_invalid_class");
        assertPassed(with, "reader_through_a_boot_delegating_loader_should_read_a_ferry_lambda");
    }

    /**
     * The refusal of a lambda whose capturing class Ferry skipped gives the real reason, not the general list: the
     * class's loader does not resolve Ferry's runtime to the boot loader's classes, and how to let it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void refusal_of_a_lambda_whose_class_ferry_skipped_should_name_the_class_loader_as_the_reason(Jdk jdk) {
        assertPassed(WITH_FERRY.get(jdk).get(),
                "refusal_of_a_lambda_of_a_class_ferry_skipped_should_name_its_loader_as_the_reason");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void ferry_should_count_no_transform_failure_and_print_nothing(Jdk jdk) {
        JvmRun with = WITH_FERRY.get(jdk).get();
        Beside.assertSilentAndNoTransformFailure(with);
    }
}
