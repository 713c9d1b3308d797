package dev.ferry.it.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lambdas the JDK creates around application lambdas ({@code andThen}, {@code compose}, {@code identity},
 * {@code Predicate.not}, {@code Comparator.comparing}): their capturing classes are JDK interfaces loaded before the
 * agent starts (docs/how-it-works.md, Fact 5: the JDK's combinators wrap application lambdas in lambdas of their own).
 */
final class CombinatorScenarios {

    private static final List<String> WORDS = List.of("pear", "fig", "banana", "kiwi", "apple");

    private CombinatorScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("function_and_then_around_application_lambdas",
                        () -> plus(1).andThen(times(10)), f -> f.apply(4).toString()),
                Scenario.of("function_compose_around_application_lambdas",
                        () -> plus(1).compose(times(10)), f -> f.apply(4).toString()),
                Scenario.of("function_identity", Function::<String>identity, CombinatorScenarios::describeIdentity),
                Scenario.of("function_identity_and_then_an_application_lambda",
                        () -> Function.<Integer>identity().andThen(times(3)), f -> f.apply(14).toString()),
                Scenario.of("unary_operator_identity", UnaryOperator::<String>identity, f -> f.apply("same")),
                Scenario.of("predicate_not_of_an_application_lambda", () -> Predicate.not(isShort()),
                        p -> WORDS.stream().filter(p).toList().toString()),
                Scenario.of("predicate_and_or_negate_of_application_lambdas",
                        () -> isShort().and(startsWith("k")).or(startsWith("b")).negate(),
                        p -> WORDS.stream().filter(p).toList().toString()),
                Scenario.of("comparator_comparing_reversed_sorts_on_the_reader",
                        () -> Comparator.comparing(length()).reversed(), CombinatorScenarios::sortWords),
                Scenario.of("comparator_comparing_then_comparing_natural_order",
                        () -> Comparator.comparing(length()).thenComparing(Comparator.naturalOrder()),
                        CombinatorScenarios::sortWords),
                Scenario.of("comparator_comparing_int_with_a_method_reference",
                        () -> Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder()),
                        CombinatorScenarios::sortWords),
                Scenario.of("bi_function_and_then", () -> concat().andThen(String::length),
                        f -> f.apply("ab", "cde").toString()),
                Scenario.of("int_unary_operator_and_then_and_compose",
                        () -> addInt(2).andThen(addInt(3)).compose(x -> x * 5), f -> Integer.toString(f.applyAsInt(4))),
                Scenario.ofRoots("consumer_and_then_sharing_a_captured_list", CombinatorScenarios::recordingConsumers,
                        CombinatorScenarios::describeRecording));
    }

    static Function<Integer, Integer> plus(int k) {
        return x -> x + k;
    }

    static Function<Integer, Integer> times(int k) {
        return x -> x * k;
    }

    static Predicate<String> isShort() {
        return s -> s.length() <= 4;
    }

    static Predicate<String> startsWith(String prefix) {
        return s -> s.startsWith(prefix);
    }

    static Function<String, Integer> length() {
        return s -> s.length();
    }

    static BiFunction<String, String, String> concat() {
        return (a, b) -> a + b;
    }

    static IntUnaryOperator addInt(int k) {
        return x -> x + k;
    }

    private static String describeIdentity(Function<String, String> identity) {
        String argument = new String("me");
        return identity.apply("same") + " returnsItsArgument=" + (identity.apply(argument) == argument);
    }

    private static String sortWords(Comparator<String> order) {
        List<String> words = new ArrayList<>(WORDS);
        words.sort(order);
        return words.toString();
    }

    private static Object[] recordingConsumers() {
        List<String> log = new ArrayList<>();
        Consumer<String> first = s -> log.add("1:" + s);
        Consumer<String> second = s -> log.add("2:" + s);
        Supplier<String> reader = () -> log.toString();
        return new Object[] {first.andThen(second), reader};
    }

    @SuppressWarnings("unchecked")
    private static String describeRecording(Object[] roots) {
        Consumer<String> both = (Consumer<String>) roots[0];
        Supplier<String> log = (Supplier<String>) roots[1];
        String before = log.get();
        both.accept("x");
        return before + " -> " + log.get();
    }
}
