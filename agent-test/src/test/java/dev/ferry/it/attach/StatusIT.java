package dev.ferry.it.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code java -jar ferry-agent.jar status <pid>} against real JVMs: one started with Ferry after it wrote lambdas, one
 * without Ferry (the target of {@link AttachScenario} before the attach), and the pid of a JVM that has ended.
 *
 * <p>JVM launches: per JDK a {@link StatusTarget} with Ferry and the status command (4); the ended pid on this build's
 * JDK (1): a pid of no process involves no target JDK, and CI runs the build on both.
 */
class StatusIT {

    /** The status command's run against a JVM with Ferry, and that JVM's own run once stopped. */
    private record Outcome(long pid, JvmRun status, JvmRun target) {
    }

    private static final Map<Jdk, Once<Outcome>> WITH_FERRY = new EnumMap<>(Jdk.class);

    static {
        for (Jdk jdk : Jdk.values()) {
            WITH_FERRY.put(jdk, Once.of(() -> statusOfAJvmWithFerry(jdk)));
        }
    }

    private static Outcome statusOfAJvmWithFerry(Jdk jdk) {
        try (ForkedJvm.Running target = ForkedJvm.on(jdk).withFerry().main(StatusTarget.class).start()) {
            target.awaitLine("READY");
            JvmRun status = FerryCli.run(jdk, "status", String.valueOf(target.pid()));
            return new Outcome(target.pid(), status, target.stop());
        }
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void status_should_print_the_version_and_counters_of_a_jvm_with_ferry_and_exit_0(Jdk jdk) {
        Outcome outcome = WITH_FERRY.get(jdk).get();
        JvmRun status = outcome.status().assertSucceeded();
        List<String> lines = status.stdoutLines();
        assertEquals(outcome.pid() + ":", lines.get(0), status::report);
        assertTrue(lines.contains("Version: " + FerryCli.agentVersion()), status::report);
        assertTrue(lines.containsAll(List.of("Options:", "Counters:", "Refusals by reason:")), status::report);
        assertRow(status, "lambdas.written", String.valueOf(StatusTarget.LAMBDAS));
        assertRow(status, "transform.failures", "0");
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Registry size: ")), status::report);
        assertTrue(lines.contains("Recent errors: none"), status::report);
        assertEquals("", status.stderr(), status::report);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void jvm_with_ferry_should_stay_silent_while_its_status_is_read(Jdk jdk) {
        // ForkedJvm fails a JVM with Ferry that printed on stderr; the exit code says it ended normally
        WITH_FERRY.get(jdk).get().target().assertSucceeded();
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void status_should_exit_3_with_one_line_for_a_jvm_without_ferry(Jdk jdk) {
        AttachScenario.Outcome outcome = AttachScenario.on(jdk);
        JvmRun status = outcome.statusWithoutFerry().assertExitCode(3);
        assertEquals("ferry: JVM " + outcome.targetPid() + " does not run Ferry (no MBean dev.ferry:type=Agent)\n",
                status.stderr(), status::report);
        assertEquals("", status.stdout(), status::report);
    }

    @Test
    void status_should_exit_1_with_one_line_for_the_pid_of_a_jvm_that_ended() {
        Jdk jdk = Jdk.ofThisBuild();
        long ended = WITH_FERRY.get(jdk).get().pid();
        JvmRun status = FerryCli.run(jdk, "status", String.valueOf(ended)).assertExitCode(1);
        assertEquals(1, status.stderrLines().size(), status::report);
        assertTrue(status.stderr().startsWith("ferry: no Java VM with pid " + ended + " can be attached ("),
                status::report);
        assertEquals("", status.stdout(), status::report);
    }

    /** A table row: the name, then the value right-aligned after at least two spaces. */
    private static void assertRow(JvmRun status, String name, String value) {
        Pattern row = Pattern.compile("  " + Pattern.quote(name) + " {2,}" + Pattern.quote(value));
        assertTrue(status.stdoutLines().stream().anyMatch(line -> row.matcher(line).matches()),
                () -> "expected the row " + name + " = " + value + "\n" + status.report());
    }
}
