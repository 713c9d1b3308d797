package dev.ferry.it.support;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The {@code PASS <check>} / {@code FAIL <check>: <why>} lines a forked program prints for the IT that reads them
 * ({@link ReportedVerdicts}), with the failure's stack trace indented below it for diagnosis.
 */
public final class Verdicts {

    /** A check: returns null when it passed, else what went wrong. */
    public interface Check {
        String problem() throws Exception;
    }

    private int failures;

    public void check(String name, Check check) {
        String problem;
        try {
            problem = check.problem();
        } catch (Throwable failure) {
            fail(name, Failures.describeChain(failure), failure);
            return;
        }
        if (problem == null) {
            System.out.println("PASS " + name);
        } else {
            fail(name, problem, null);
        }
    }

    /** 0 when every check passed, for {@code System.exit}. */
    public int exitCode() {
        return failures == 0 ? 0 : 1;
    }

    private void fail(String name, String problem, Throwable failure) {
        failures++;
        System.out.println("FAIL " + name + ": " + Failures.oneLine(problem));
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(line -> System.out.println("    " + line));
        }
    }
}
