package dev.ferry.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.JvmRun;
import java.util.List;

/**
 * Assertions on the verdict lines forked programs print: {@code PASS <check>}, or {@code FAIL <check>: <why>}
 * followed by indented detail lines (a stack trace).
 */
public final class ReportedVerdicts {

    private ReportedVerdicts() {
    }

    /** Exactly one verdict for {@code check}, and it is {@code PASS}; a check never reported fails too. */
    public static void assertPassed(JvmRun run, String check) {
        List<String> verdicts = run.stdoutLines().stream()
                .filter(line -> line.equals("PASS " + check) || line.startsWith("FAIL " + check + ":")).toList();
        assertEquals(List.of("PASS " + check), verdicts, () -> check + " did not pass\n" + details(run, check));
    }

    /** The check's FAIL line and its detail lines, not the whole output of a program with dozens of checks. */
    private static String details(JvmRun run, String check) {
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (String line : run.stdoutLines()) {
            if (line.startsWith("FAIL " + check + ":")) {
                inside = true;
            } else if (!line.startsWith("    ")) {
                inside = false;
            }
            if (inside) {
                text.append(line).append('\n');
            }
        }
        return text.length() > 0 ? text.toString() : "(no verdict for it)\n" + run.report();
    }
}
