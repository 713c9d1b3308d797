package dev.ferry.it.concurrency;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** Distinct lambda call sites, each read for the first time by racing threads. */
public final class ManyCallSites {

    /** The argument every lambda is applied to, on the writer (expected result) and on the reader. */
    public static final int ARGUMENT = 100;

    private ManyCallSites() {
    }

    public static List<IntUnaryOperator> lambdas(int k) {
        return List.of(
                x -> x + k,
                x -> x - k,
                x -> x * k,
                x -> x / k,
                x -> x % k,
                x -> x << k,
                x -> x >> k,
                x -> x ^ k,
                x -> x | k,
                x -> x & k,
                x -> Math.max(x, k),
                x -> Math.min(x, k));
    }
}
