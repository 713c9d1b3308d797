package dev.ferry.it.forgery;

import java.util.function.IntSupplier;

/** A prepared class (same name length as {@link Victim}) whose only call site matches none of Victim's. */
public final class Decoys {

    private Decoys() {
    }

    public static IntSupplier answer() {
        return () -> 42;
    }
}
