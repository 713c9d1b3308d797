package dev.ferry.it.silence;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A hello-world that also creates and invokes a few lambdas, method references and JDK combinators. */
public final class HelloLambdas {

    private HelloLambdas() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, Ferry");
        String greeting = "hi";
        Supplier<String> supplier = () -> greeting + " there";
        IntBinaryOperator add = Integer::sum;
        Function<String, Integer> length = String::length;
        System.out.println(supplier.get() + " " + add.applyAsInt(40, 2) + " " + length.andThen(n -> n * 2).apply("ab"));
        List<String> sorted = List.of("pear", "fig", "banana").stream()
                .sorted(Comparator.comparing(String::length).reversed())
                .map(String::toUpperCase)
                .collect(Collectors.toList());
        System.out.println(sorted);
    }
}
