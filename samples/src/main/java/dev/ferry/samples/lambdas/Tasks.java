package dev.ferry.samples.lambdas;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application code of the demo: lambdas and method references written the everyday way.
 *
 * <p>Nothing here mentions Ferry or {@code Serializable}: these are the lambdas an application already has. Each
 * factory method shows one shape that Ferry must carry to another JVM; its Javadoc says what makes it interesting.
 * Without the agent, writing any of them to an {@code ObjectOutputStream} throws {@code NotSerializableException}
 * (see {@link WithoutFerry}).
 */
final class Tasks {

    private Tasks() {
    }

    /** The tasks the {@link Driver} sends to the worker, in order. */
    static List<Task> all() {
        return List.of(
                new Task("word count", wordCount(), "to be or not to be"),
                new Task("filter pipeline", longWords(2), List.of("ferry", " ", "", "ox", "lambda", "sea")),
                new Task("andThen composition", trimAndShout(), "  ahoy  "),
                new Task("recursive factorial(10)", factorial(), 10),
                new Task("reversed comparator", longestFirst(), List.of("sea", "ferry", "ox", "harbour")),
                // The worker runs adder(40) and answers with the lambda that call made; the driver then runs that.
                new Task("lambda from a lambda", adder(), 40, made -> ((IntUnaryOperator) made).applyAsInt(2)));
    }

    /**
     * Counts words, a lambda capturing a {@link Pattern} (an ordinary serializable value) and using method references
     * inside its body.
     */
    static Function<String, Map<String, Long>> wordCount() {
        Pattern separators = Pattern.compile("\\W+");
        return text -> separators.splitAsStream(text)
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    /**
     * Keeps the non-blank strings longer than {@code minLength}. {@code Predicate.not} and {@code Predicate.and} are
     * JDK combinators: the object sent is a lambda made inside the JDK, capturing a method reference and a user lambda
     * that captures a local {@code int}.
     */
    static Predicate<String> longWords(int minLength) {
        Predicate<String> notBlank = Predicate.not(String::isBlank);
        return notBlank.and(s -> s.length() > minLength);
    }

    /** Trims, then shouts: {@code f.andThen(g)}, a JDK lambda capturing two application lambdas. */
    static Function<String, String> trimAndShout() {
        Function<String, String> trim = String::trim;
        Function<String, String> shout = s -> s.toUpperCase(Locale.ROOT) + "!";
        return trim.andThen(shout);
    }

    /**
     * A recursive lambda, written the only way Java allows: through a holder it captures. The lambda refers to the
     * holder and the holder refers back to the lambda, so the object graph has a cycle that must survive the trip.
     */
    static IntUnaryOperator factorial() {
        AtomicReference<IntUnaryOperator> self = new AtomicReference<>();
        self.set(n -> n <= 1 ? 1 : n * self.get().applyAsInt(n - 1));
        return self.get();
    }

    /**
     * Longest first. {@code Comparator.comparing} makes a JDK lambda capturing the method reference
     * {@code String::length}; {@code reversed()} wraps it again.
     */
    static Comparator<String> longestFirst() {
        Comparator<String> byLength = Comparator.comparing(String::length);
        return byLength.reversed();
    }

    /** A lambda that returns a lambda: {@code adder().apply(40)} is a new lambda capturing 40. */
    static Function<Integer, IntUnaryOperator> adder() {
        return a -> b -> a + b;
    }
}
