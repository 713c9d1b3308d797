package dev.ferry.it.compat;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A javac-serializable lambda and a plain one in one class: javac's {@code $deserializeLambda$} is already there and
 * Ferry must chain it (docs/how-it-works.md, Fact 7), not skip the class nor replace it.
 */
public final class MixedLambdas {

    private MixedLambdas() {
    }

    public static Function<Integer, Integer> serializableAdder(int k) {
        return (Function<Integer, Integer> & Serializable) x -> x + k;
    }

    public static Function<Integer, Integer> plainMultiplier(int k) {
        return x -> x * k;
    }
}
