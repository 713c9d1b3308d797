package dev.ferry.it.wire;

import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;

/** The lambdas the wire-form checks write: plain (not serializable) ones, one capturing an int, one two values. */
public final class Lambdas {

    private Lambdas() {
    }

    public static IntUnaryOperator scaled(int k) {
        return x -> x * k + 1;
    }

    public static BiFunction<String, Integer, String> labelled(String label, long id) {
        return (text, times) -> label + "#" + id + ":" + text.repeat(times);
    }
}
