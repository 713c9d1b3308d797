package dev.ferry.it.specialize;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import org.junit.jupiter.api.Test;

/**
 * The specialization fixtures are sound without Ferry: in ONE JVM, every scenario's objects are written and read back
 * (the stream resolving the classes that JVM generated), pass their identity checks and probe the same; the racy
 * cache does race when nothing serializes its callers, so the concurrency check proves something; the generators
 * describe only their own classes. A failing specialization IT is then Ferry's failure, not a fixture's.
 *
 * <p>JVM launches (1): {@link SpecializationFixtureSelfCheck} without Ferry on this build's JDK, with only the agent
 * jar appended to the boot class path for the API ({@code Types}) the scenarios use, as Ferry itself puts it there.
 */
class SpecializationFixtureSelfCheckIT {

    @Test
    void specialization_fixtures_should_roundtrip_in_one_jvm_without_ferry() {
        JvmRun run = ForkedJvm.on(Jdk.ofThisBuild()).withoutFerry()
                .jvmOption("-Xbootclasspath/a:" + ItSettings.agentJar())
                .main(SpecializationFixtureSelfCheck.class).run();
        for (String check : SpecializationFixtureSelfCheck.checks()) {
            assertPassed(run, check);
        }
        run.assertSucceeded();
    }
}
