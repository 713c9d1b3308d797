package dev.ferry.it.jfr;

import java.util.function.IntSupplier;

/**
 * A class with a lambda, defined by {@link JfrEventsProgram}'s loader that hands out a malformed class file for it:
 * Ferry cannot read its call sites when its lambda is written.
 */
public final class Malformed {

    private Malformed() {
    }

    public static IntSupplier answer() {
        return () -> 42;
    }
}
