package dev.ferry.it.agents;

import java.io.Serializable;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The class every agent of this package meets: loaded after Ferry, so prepared with its {@code $deserializeLambda$}
 * gate, with lambdas of three kinds (a capturing one, one that calls the method other agents advise, and one javac
 * made serializable, whose {@code $deserializeLambda$} Ferry renamed and chained) and a plain method for advice.
 */
public final class Cargo {

    private Cargo() {
    }

    /** A capturing lambda: Ferry makes it travel. */
    public static IntUnaryOperator scaled(int factor) {
        return x -> x * factor;
    }

    /** A lambda whose body calls {@link #weigh}, so that advice on it shows through the lambda. */
    public static Function<String, String> labelled(String label) {
        return text -> label + ":" + text + ":" + weigh(text.length());
    }

    /** javac's own serializable lambda: travels through the JDK's {@code SerializedLambda}, with or without Ferry. */
    public static Supplier<String> manifest(String item) {
        return (Supplier<String> & Serializable) () -> "manifest of " + item;
    }

    /** The method the other agents advise: a plain computation. */
    public static int weigh(int units) {
        return units * 10;
    }
}
