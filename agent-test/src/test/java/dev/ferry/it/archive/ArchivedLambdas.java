package dev.ferry.it.archive;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Forked JVM, run from a jar (class-data archives take no directories). {@code write FILE} writes an application
 * lambda, a method reference and lambdas of the JDK's combinators to FILE and prints {@code WRITTEN};
 * {@code read FILE} reads them and prints {@code PASS name} or {@code FAIL name: why} for each. Without arguments (the
 * training run) it does both in this JVM, as far as the JVM lets it (a training run without the agent cannot write). Run once to record an archive, then as writer and reader with it.
 */
public final class ArchivedLambdas {

    private static final String[] NAMES = {"application_lambda", "method_reference", "jdk_combinator_andThen",
        "jdk_combinator_not"};

    private ArchivedLambdas() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Path file = Files.createTempFile("archived-lambdas", ".bin");
            try {
                write(file);
                read(file);
            } catch (NotSerializableException withoutFerry) {
                System.out.println("NOT WRITTEN " + withoutFerry); // a training run without the agent
            } finally {
                Files.delete(file);
            }
        } else if (args[0].equals("write")) {
            write(Path.of(args[1]));
            System.out.println("WRITTEN");
        } else {
            read(Path.of(args[1]));
        }
    }

    private static void write(Path file) throws IOException {
        int k = 3;
        IntUnaryOperator scaled = x -> x * k;
        Function<String, Integer> length = String::length;
        Function<Integer, Integer> combined = ((Function<Integer, Integer>) x -> x + 1).andThen(x -> x * k);
        Predicate<String> notEmpty = Predicate.not(String::isEmpty);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            for (Object lambda : new Object[] {scaled, length, combined, notEmpty}) {
                out.writeObject(lambda);
            }
        }
    }

    private static void read(Path file) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            for (String name : NAMES) {
                try {
                    Object copy = in.readObject();
                    System.out.println(works(name, copy) ? "PASS " + name : "FAIL " + name + ": computes otherwise");
                } catch (ClassNotFoundException | IOException | RuntimeException e) {
                    System.out.println("FAIL " + name + ": " + e);
                    return;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean works(String name, Object copy) {
        switch (name) {
            case "application_lambda":
                return ((IntUnaryOperator) copy).applyAsInt(5) == 15;
            case "method_reference":
                return ((Function<String, Integer>) copy).apply("ferry") == 5;
            case "jdk_combinator_andThen":
                return ((Function<Integer, Integer>) copy).apply(1) == 6;
            default:
                return ((Predicate<String>) copy).test("x");
        }
    }
}
