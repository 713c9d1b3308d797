package dev.ferry.it.compat;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Forked JVM for the compatibility IT. Arguments are (command, file) pairs, run in order:
 * {@code write-javac} writes the two javac-serializable lambdas, {@code write-mixed} writes both lambdas of
 * {@link MixedLambdas}; {@code read-javac} and {@code read-mixed} read them back and print {@code PASS <check>} or
 * {@code FAIL <check>: <why>}; {@code read-without-ferry} reads a file with a Ferry recipe in a JVM without Ferry and
 * expects a failure no worse than today's: a checked exception of {@code readObject}. Exits with 1 on any failure.
 */
public final class CompatProgram {

    static final int ADDEND = 5;
    static final int FACTOR = 4;
    private static boolean failed;

    private CompatProgram() {
    }

    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path file = Path.of(args[i + 1]);
            switch (args[i]) {
                case "write-javac" -> write(file, JavacSerializableLambdas.tripler(),
                        MixedLambdas.serializableAdder(ADDEND));
                case "write-mixed" -> write(file, MixedLambdas.serializableAdder(ADDEND),
                        MixedLambdas.plainMultiplier(FACTOR));
                case "read-javac" -> read(file, "javac_serializable_lambda_of_a_class_with_only_such_lambdas", 21,
                        "javac_serializable_lambda_of_a_class_with_both_kinds", 7 + ADDEND);
                case "read-mixed" -> read(file, "javac_serializable_lambda_next_to_a_plain_one", 7 + ADDEND,
                        "plain_lambda_next_to_a_javac_serializable_one", 7 * FACTOR);
                case "read-without-ferry" -> readWithoutFerry(file);
                default -> throw new IllegalArgumentException("unknown command " + args[i]);
            }
        }
        System.exit(failed ? 1 : 0);
    }

    private static void write(Path file, Object first, Object second) {
        try {
            Files.write(file, Streams.write(first, second));
            System.out.println("WROTE " + file.getFileName());
        } catch (Exception e) {
            failed = true;
            System.out.println("FAIL write " + file.getFileName() + ": " + Failures.describeChain(e));
        }
    }

    private static void read(Path file, String firstCheck, int firstExpected, String secondCheck,
            int secondExpected) {
        Object[] read;
        try {
            read = Streams.read(Files.readAllBytes(file), 2);
        } catch (Exception e) {
            failed = true;
            System.out.println("FAIL " + firstCheck + ": could not read " + file.getFileName() + ": "
                    + Failures.describeChain(e));
            System.out.println("FAIL " + secondCheck + ": could not read " + file.getFileName());
            return;
        }
        check(firstCheck, read[0], firstExpected);
        check(secondCheck, read[1], secondExpected);
    }

    private static void readWithoutFerry(Path file) {
        String check = "ferry_recipe_read_without_ferry_fails_with_a_checked_exception";
        try {
            Streams.read(Files.readAllBytes(file), 2);
            System.out.println("FAIL " + check + ": it was read");
        } catch (IOException | ClassNotFoundException expected) {
            System.out.println("PASS " + check + " (" + Failures.describe(expected) + ")");
            return;
        } catch (RuntimeException | Error unexpected) {
            System.out.println("FAIL " + check + ": " + Failures.describeChain(unexpected));
        }
        failed = true;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, Object read, int expected) {
        try {
            int actual = ((Function<Integer, Integer>) read).apply(7);
            if (actual == expected) {
                System.out.println("PASS " + name);
                return;
            }
            System.out.println("FAIL " + name + ": apply(7) gave " + actual + ", expected " + expected);
        } catch (RuntimeException e) {
            System.out.println("FAIL " + name + ": " + Failures.describeChain(e));
        }
        failed = true;
    }
}
