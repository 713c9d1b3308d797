package dev.ferry.it.attach;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Reads what {@link AttachTarget} wrote (run with {@code -javaagent}) and runs it: prints {@code EARLY <adder(37)>}
 * and {@code LATE <greeter("ferry")>}, or {@code EARLY FAILED <exception>} and the like.
 */
public final class AttachedLambdaReader {

    private AttachedLambdaReader() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        System.out.println("EARLY " + run(directory.resolve("early.ser"),
                lambda -> String.valueOf(((IntUnaryOperator) lambda).applyAsInt(37))));
        System.out.println("LATE " + run(directory.resolve("late.ser"), AttachedLambdaReader::greet));
    }

    @SuppressWarnings("unchecked")
    private static String greet(Object lambda) {
        return ((Function<String, String>) lambda).apply("ferry");
    }

    private static String run(Path file, Function<Object, String> call) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return call.apply(in.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return "FAILED " + e;
        }
    }
}
