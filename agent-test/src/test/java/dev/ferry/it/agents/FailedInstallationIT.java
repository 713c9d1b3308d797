package dev.ferry.it.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Installation is all or nothing: when a step fails after Ferry registered its transformers (here, hooking the JDK's
 * {@code ObjectInputStream}, whose retransformation another agent before Ferry breaks), Ferry says so in one
 * {@code ferry:} line naming the step and leaves no transformer behind: a class loaded afterwards keeps the JDK's
 * lambdas, and so do the JDK's combinators, exactly as without Ferry. On JDK 17 and 25; one JVM launch each.
 */
class FailedInstallationIT {

    private static final String NOT_SERIALIZABLE = "not-serializable: java.io.NotSerializableException";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void installation_failing_after_the_transformers_were_registered_should_leave_none_behind(Jdk jdk) {
        JvmRun run = Beside.withFerryAnd(jdk, AgentJars.secondAgent("break-object-input-stream"),
                Beside.Order.OTHER_FIRST).main(FailedInstallationProgram.class).run().assertSucceeded();

        List<String> stderr = run.stderrLines();
        assertEquals(1, stderr.size(), () -> "exactly one stderr line expected\n" + run.report());
        String line = stderr.get(0);
        assertTrue(line.startsWith("ferry:") && line.contains("java.io.ObjectInputStream")
                && line.contains("not installed"), () -> "the line must name the step and say so\n" + run.report());
        assertTrue(startsWith(run.linesAfter("lambda="), NOT_SERIALIZABLE), run::report);
        assertTrue(startsWith(run.linesAfter("combinator="), NOT_SERIALIZABLE), run::report);
    }

    private static boolean startsWith(List<String> lines, String expected) {
        return lines.size() == 1 && lines.get(0).startsWith(expected);
    }
}
