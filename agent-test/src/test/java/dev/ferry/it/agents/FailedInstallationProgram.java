package dev.ferry.it.agents;

import dev.ferry.it.support.Streams;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Forked JVM after a Ferry installation that failed: tells whether a lambda of this class (loaded after the failure),
 * and a JDK combinator around one, can be written, as {@code lambda=...} and {@code combinator=...}.
 */
public final class FailedInstallationProgram {

    private FailedInstallationProgram() {
    }

    public static void main(String[] args) {
        int offset = 3;
        IntUnaryOperator lambda = x -> x + offset;
        Function<Integer, Integer> twice = x -> 2 * x;
        System.out.println("lambda=" + Streams.tryWrite(lambda));
        System.out.println("combinator=" + Streams.tryWrite(twice.andThen(Function.identity())));
    }
}
