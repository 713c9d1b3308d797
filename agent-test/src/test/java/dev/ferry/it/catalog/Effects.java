package dev.ferry.it.catalog;

import java.util.concurrent.atomic.AtomicInteger;

/** A place where lambdas with no result (Runnable, Consumer) leave a trace the probe can observe. */
public final class Effects {

    public static final AtomicInteger RUNS = new AtomicInteger();

    private Effects() {
    }

    /** Runs {@code action} and tells how many times it touched {@link #RUNS}. */
    public static String countRuns(Runnable action) {
        int before = RUNS.get();
        action.run();
        return "runs+" + (RUNS.get() - before);
    }
}
