package dev.ferry.it.byvalue;

import static dev.ferry.it.byvalue.ReportedChecks.assertContainsLine;
import static dev.ferry.it.support.ReportedVerdicts.assertPassed;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The by-value fixtures are sound without Ferry: in ONE JVM, every scenario's objects are written and read back (the
 * stream resolving the classes that JVM generated) and behave the same, the reader-only checks and the trust and
 * detection fixtures work, and the trust fixtures' canaries print when their classes are initialized. A failing
 * by-value IT is then Ferry's failure, not a fixture's.
 *
 * <p>JVM launches (2): {@link FixtureSelfCheck} without Ferry on each JDK.
 */
class FixtureSelfCheckIT {

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void fixtures_should_roundtrip_in_one_jvm_without_ferry(Jdk jdk, @TempDir Path directory) {
        JvmRun run = ForkedJvm.on(jdk).withoutFerry().main(FixtureSelfCheck.class, directory.toString()).run();
        for (String check : checks()) {
            assertPassed(run, check);
        }
        for (String initialized : List.of("CanaryRule", "ExecRule", "ExitRule", TrustFixtures.STATIC_STATE_CARRIER)) {
            assertContainsLine(run, Canary.LINE + " " + initialized);
        }
        run.assertSucceeded();
    }

    private static List<String> checks() {
        List<String> checks = new ArrayList<>(ByValueCatalog.names());
        checks.addAll(List.of(ConcurrentFirstReads.CHECK, IdentityAcrossStreams.CHECK, DefinitionOncePerStream.CHECK,
                LoaderCollection.CONTROL, FixtureSelfCheck.TRUST_FIXTURES, FixtureSelfCheck.DETECTION_FIXTURES));
        return checks;
    }
}
