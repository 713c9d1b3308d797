package dev.ferry.it.catalog;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Lambdas of generic methods: erased implementation types, instantiated types from the call site. */
public final class GenericLambdas {

    private GenericLambdas() {
    }

    public static <T> Function<T, List<T>> twice() {
        return t -> List.of(t, t);
    }

    public static <T extends Comparable<T>> BinaryOperator<T> maxBy() {
        return (a, b) -> a.compareTo(b) >= 0 ? a : b;
    }

    /** An intersection bound: the body must see {@code T} both as a Number and as a Comparable (JDK-8208752). */
    public static <T extends Number & Comparable<T>> UnaryOperator<T> atLeast(T floor) {
        return x -> x.compareTo(floor) >= 0 ? x : floor;
    }
}
