package dev.ferry.it.byvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.JvmRun;
import java.util.List;

/** Assertions on what the forked by-value programs print (stderr, lines); counters: {@code ReportedCounters}. */
final class ReportedChecks {

    private ReportedChecks() {
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
