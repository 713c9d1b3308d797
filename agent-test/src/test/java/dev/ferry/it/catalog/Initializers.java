package dev.ferry.it.catalog;

import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Lambdas declared in a static initializer ({@code lambda$static$0}) and in a constructor ({@code lambda$new$0}). */
public final class Initializers {

    public static final IntUnaryOperator SQUARE = x -> x * x;

    private final Supplier<String> label;

    public Initializers(String text) {
        this.label = () -> "[" + text + "]";
    }

    public Supplier<String> label() {
        return label;
    }
}
