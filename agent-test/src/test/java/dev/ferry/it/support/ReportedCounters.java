package dev.ferry.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.JvmRun;
import java.util.Map;
import java.util.Optional;

/** Assertions on the counters a forked program printed ({@link FerryCounters#line()}). */
public final class ReportedCounters {

    private ReportedCounters() {
    }

    /** The counter from the program's {@code COUNTERS} line; -1 when there is none. */
    public static long counter(JvmRun run, String name) {
        return FerryCounters.parse(run.stdout()).getOrDefault(name, -1L);
    }

    public static void assertCounted(JvmRun run, String counter) {
        assertTrue(counter(run, counter) > 0, () -> "the counter " + counter + " should be positive\n" + run.report());
    }

    public static void assertNoTransformFailure(JvmRun run) {
        Map<String, Long> counters = FerryCounters.parse(run.stdout());
        assertEquals(Optional.of(0L), Optional.ofNullable(counters.get(FerryCounters.TRANSFORM_FAILURES)),
                () -> "the agent should count no transform failure (and its counters should be readable)\n"
                        + run.report());
    }
}
