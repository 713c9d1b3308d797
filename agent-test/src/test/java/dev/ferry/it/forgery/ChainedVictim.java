package dev.ferry.it.forgery;

import java.io.Serializable;
import java.util.function.IntSupplier;

/** A class with javac's own {@code $deserializeLambda$} (one serializable lambda) that Ferry also prepares. */
public final class ChainedVictim {

    private ChainedVictim() {
    }

    public static Runnable serializable() {
        return (Runnable & Serializable) () -> System.out.print("");
    }

    public static IntSupplier plain(int value) {
        return () -> value;
    }
}
