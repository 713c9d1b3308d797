package dev.ferry.it.compat;

import java.io.Serializable;
import java.util.function.Function;

/** Only javac-serializable lambdas: javac gave this class its own {@code $deserializeLambda$}. */
public final class JavacSerializableLambdas {

    private JavacSerializableLambdas() {
    }

    public static Function<Integer, Integer> tripler() {
        return (Function<Integer, Integer> & Serializable) x -> x * 3;
    }
}
