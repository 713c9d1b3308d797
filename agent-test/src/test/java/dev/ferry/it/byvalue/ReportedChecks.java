package dev.ferry.it.byvalue;

import dev.ferry.it.support.Verdicts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.JvmRun;
import dev.ferry.it.support.FerryCounters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assertions on what the forked by-value programs print ({@link Verdicts} lines, counters, stderr). */
final class ReportedChecks {

    private ReportedChecks() {
    }

    static void assertNoTransformFailure(JvmRun run) {
        Map<String, Long> counters = FerryCounters.parse(run.stdout());
        assertEquals(Optional.of(0L), Optional.ofNullable(counters.get(FerryCounters.TRANSFORM_FAILURES)),
                () -> "the agent should count no transform failure (and its counters should be readable)\n"
                        + run.report());
    }

    /** The counter from the program's {@code COUNTERS} line; -1 when there is none. */
    static long counter(JvmRun run, String name) {
        return FerryCounters.parse(run.stdout()).getOrDefault(name, -1L);
    }

    /**
     * Stderr is empty but for the JDK 24+ warning about {@code sun.misc.Unsafe}, which Byte Buddy's
     * {@code ClassLoadingStrategy.Default.INJECTION} causes in the writer: the application's noise, not Ferry's.
     */
    static void assertStderrEmptyButForByteBuddysUnsafeWarning(JvmRun run) {
        List<String> others = run.stderrLines().stream().filter(line -> !(line.startsWith("WARNING: ")
                && (line.contains("sun.misc.Unsafe") || line.contains("net.bytebuddy")))).toList();
        assertEquals(List.of(), others, () -> "unexpected stderr lines\n" + run.report());
    }

    static void assertContainsLine(JvmRun run, String line) {
        assertTrue(run.stdoutLines().contains(line), () -> "no line <" + line + ">\n" + run.report());
    }
}
