package dev.ferry.it.agents.isolated;

import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application loaded by an {@code IsolatingLoader}: it uses lambdas, method references, JDK combinators and
 * streams, writes them with plain object streams, and says what it saw, one fact per line. With Ferry it must see what
 * it sees without (Ferry leaves a class it cannot prepare untouched), except where its loader delegates Ferry's
 * packages to the boot loader: there Ferry prepares it and its plain lambdas travel.
 */
public final class IsolatedApp {

    private IsolatedApp() {
    }

    public static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        int factor = 3;
        IntUnaryOperator scaled = x -> x * factor;
        Function<Integer, Integer> plusOne = x -> x + 1;
        Function<Integer, Integer> twice = plusOne.andThen(x -> x * 2);
        lines.add("lambda: " + scaled.applyAsInt(5));
        lines.add("JDK combinator: " + twice.apply(3));
        lines.add("stream pipeline: " + Stream.of("fig", "pear").map(String::toUpperCase)
                .collect(Collectors.joining(",")));
        lines.add("plain lambda is Serializable: " + (scaled instanceof Serializable));
        lines.add("plain lambda round trip: " + roundTrip(scaled));
        lines.add("JDK combinator round trip: " + roundTrip(twice));
        Supplier<String> javac = (Supplier<String> & Serializable) () -> "javac lambda of " + factor;
        lines.add("javac-serializable lambda round trip: " + roundTrip(javac));
        lines.add("declares $deserializeLambda$: " + declares("$deserializeLambda$"));
        lines.add("declares $deserializeLambda$javac: " + declares("$deserializeLambda$javac"));
        return lines;
    }

    /** What a copy through a plain pair of object streams computes, or how writing it failed. */
    @SuppressWarnings("unchecked")
    private static String roundTrip(Object object) throws IOException, ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = Streams.write(object);
        } catch (NotSerializableException e) {
            return "not serializable"; // the JDK's or Ferry's (a subclass naming the path to the culprit)
        }
        Object copy = Streams.readOne(bytes);
        if (copy instanceof IntUnaryOperator) {
            return "computes " + ((IntUnaryOperator) copy).applyAsInt(5);
        }
        if (copy instanceof Function) {
            return "computes " + ((Function<Integer, Integer>) copy).apply(3);
        }
        return "computes " + ((Supplier<String>) copy).get();
    }

    private static boolean declares(String name) {
        try {
            IsolatedApp.class.getDeclaredMethod(name, SerializedLambda.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
