package dev.ferry.it.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Forked JVM, run from a jar (class-data archives take no directories): writes and reads back an application lambda,
 * a method reference and lambdas of the JDK's combinators, and prints {@code PASS name} or {@code FAIL name: why}
 * for each. Run once to record an archive and once with it.
 */
public final class ArchivedLambdas {

    private ArchivedLambdas() {
    }

    public static void main(String[] args) {
        int k = args.length + 3;
        IntUnaryOperator scaled = x -> x * k;
        Function<String, Integer> length = String::length;
        Function<Integer, Integer> combined = ((Function<Integer, Integer>) x -> x + 1).andThen(x -> x * k);
        Predicate<String> notEmpty = Predicate.not(String::isEmpty);
        check("application_lambda", scaled, copy -> ((IntUnaryOperator) copy).applyAsInt(5) == 15);
        check("method_reference", length, copy -> castFunction(copy).apply("ferry").equals(5));
        check("jdk_combinator_andThen", combined, copy -> castFunction(copy).apply(1).equals(6));
        check("jdk_combinator_not", notEmpty, copy -> castPredicate(copy).test("x"));
    }

    private static void check(String name, Object lambda, Predicate<Object> works) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(lambda);
            }
            Object copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = in.readObject();
            }
            System.out.println(works.test(copy) ? "PASS " + name : "FAIL " + name + ": the copy computes otherwise");
        } catch (Exception e) {
            System.out.println("FAIL " + name + ": " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, R> Function<T, R> castFunction(Object copy) {
        return (Function<T, R>) copy;
    }

    @SuppressWarnings("unchecked")
    private static <T> Predicate<T> castPredicate(Object copy) {
        return (Predicate<T>) copy;
    }
}
