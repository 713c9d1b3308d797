package dev.ferry.it.specialize;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often the templates' constructors and setters ran in this JVM. A reader never calls them: any count there means
 * deserialization re-ran a constructor or a validation.
 */
public final class Validations {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Validations() {
    }

    static void ran() {
        RUNS.incrementAndGet();
    }

    public static int count() {
        return RUNS.get();
    }
}
