package dev.ferry.it.options.internal;

import java.util.function.IntUnaryOperator;

/** Lambdas in a subpackage, for {@code include}/{@code exclude} prefixes that reach or skip it. */
public final class InternalLambdas {

    private InternalLambdas() {
    }

    public static IntUnaryOperator doubler() {
        return x -> x * 2;
    }
}
