package dev.ferry.it.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** Method references of every kind, including those javac or the metafactory has to adapt. */
final class MethodReferenceScenarios {

    private MethodReferenceScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("static_method_reference_to_an_application_method", () -> weightedSum(),
                        f -> Integer.toString(f.applyAsInt(5, 2))),
                Scenario.of("static_method_reference_to_a_jdk_method", () -> parseInt(),
                        f -> Integer.toString(f.applyAsInt("-17"))),
                Scenario.of("bound_method_reference_to_a_string", () -> startsWith("ferry"),
                        p -> p.test("fer") + "," + p.test("boat")),
                Scenario.of("bound_method_reference_to_a_serializable_application_object",
                        () -> boundGreet(new Greeter("Hi")), f -> f.apply("reader")),
                Scenario.of("bound_method_reference_to_this", () -> new MethodReferenceTargets.Derived("t").viaThis(),
                        Supplier::get),
                Scenario.of("unbound_method_reference_to_a_class_method", () -> length(),
                        f -> Integer.toString(f.applyAsInt("ferry"))),
                Scenario.of("unbound_method_reference_to_an_interface_method", () -> size(),
                        f -> f.apply(List.of("a", "b", "c")).toString()),
                Scenario.of("unbound_method_reference_with_two_parameters", () -> startsWithUnbound(),
                        f -> f.apply("ferry", "fe") + "," + f.apply("ferry", "ry")),
                Scenario.of("constructor_reference_to_a_jdk_class", () -> newList(),
                        MethodReferenceScenarios::describeFreshLists),
                Scenario.of("constructor_reference_with_an_argument", () -> newGreeter(),
                        f -> f.apply("Salut").greet("reader")),
                Scenario.of("array_constructor_reference_to_a_primitive_array", () -> newIntArray(),
                        f -> f.apply(3).length + " " + f.apply(3).getClass().getName()),
                Scenario.of("array_constructor_reference_to_a_reference_array", () -> newStringArray(),
                        f -> f.apply(2).length + " " + f.apply(2).getClass().getName()),
                Scenario.of("super_method_reference", () -> new MethodReferenceTargets.Derived("t").viaSuper(),
                        Supplier::get),
                Scenario.of("varargs_application_method_referenced_by_a_fixed_arity_interface", () -> joinAll(),
                        f -> f.apply("a", "b")),
                Scenario.of("varargs_jdk_method_referenced_with_one_element", () -> asListOfOne(),
                        f -> f.apply("only").toString()),
                Scenario.of("varargs_jdk_method_referenced_with_an_array", () -> asListOfArray(),
                        f -> f.apply(new String[] {"x", "y"}).toString()),
                Scenario.of("unboxing_receiver_to_an_int_result", () -> intValue(),
                        f -> Integer.toString(f.applyAsInt(41))),
                Scenario.of("boxing_an_int_result", () -> valueOf(),
                        f -> f.apply(7) + " " + f.apply(7).getClass().getName()),
                Scenario.of("widening_an_int_result_to_long", () -> widenedFortyTwo(),
                        s -> Long.toString(s.getAsLong())),
                Scenario.of("boxing_an_int_result_to_a_supertype", () -> boxedFortyTwo(),
                        s -> s.get() + " " + s.get().getClass().getName()),
                Scenario.of("unboxing_then_widening_an_argument", () -> longValueOf(),
                        f -> f.apply(9) + " " + f.apply(9).getClass().getName()),
                Scenario.of("unboxing_and_boxing_both_arguments_and_result", () -> sum(),
                        f -> Integer.toString(f.apply(40, 2))),
                Scenario.of("widening_an_unboxed_result_to_double", () -> intValueAsDouble(),
                        f -> Double.toString(f.applyAsDouble(3))),
                Scenario.of("widening_an_int_result_to_a_long_function", () -> lengthAsLong(),
                        f -> Long.toString(f.applyAsLong("four"))),
                Scenario.of("unboxing_a_character_argument", () -> isDigit(),
                        p -> p.test('7') + "," + p.test('x')));
    }

    static IntBinaryOperator weightedSum() {
        return MethodReferenceTargets::weightedSum;
    }

    static ToIntFunction<String> parseInt() {
        return Integer::parseInt;
    }

    /** The captured receiver is the word: the predicate tests whether the word starts with its input. */
    static Predicate<String> startsWith(String word) {
        return word::startsWith;
    }

    static Function<String, String> boundGreet(Greeter greeter) {
        return greeter::greet;
    }

    static ToIntFunction<String> length() {
        return String::length;
    }

    static Function<List<String>, Integer> size() {
        return List::size;
    }

    static BiFunction<String, String, Boolean> startsWithUnbound() {
        return String::startsWith;
    }

    static Supplier<ArrayList<String>> newList() {
        return ArrayList::new;
    }

    private static String describeFreshLists(Supplier<ArrayList<String>> factory) {
        ArrayList<String> first = factory.get();
        ArrayList<String> second = factory.get();
        first.add("x");
        return first + " " + second + " distinct=" + (first != second) + " " + first.getClass().getName();
    }

    static Function<String, Greeter> newGreeter() {
        return Greeter::new;
    }

    static IntFunction<int[]> newIntArray() {
        return int[]::new;
    }

    static IntFunction<String[]> newStringArray() {
        return String[]::new;
    }

    static BiFunction<String, String, String> joinAll() {
        return MethodReferenceTargets::joinAll;
    }

    static Function<String, List<String>> asListOfOne() {
        return Arrays::asList;
    }

    static Function<String[], List<String>> asListOfArray() {
        return Arrays::asList;
    }

    static ToIntFunction<Integer> intValue() {
        return Integer::intValue;
    }

    static IntFunction<Integer> valueOf() {
        return Integer::valueOf;
    }

    static LongSupplier widenedFortyTwo() {
        return MethodReferenceTargets::fortyTwo;
    }

    static Supplier<Number> boxedFortyTwo() {
        return MethodReferenceTargets::fortyTwo;
    }

    static Function<Integer, Long> longValueOf() {
        return Long::valueOf;
    }

    static BinaryOperator<Integer> sum() {
        return Integer::sum;
    }

    static ToDoubleFunction<Integer> intValueAsDouble() {
        return Integer::intValue;
    }

    static ToLongFunction<String> lengthAsLong() {
        return String::length;
    }

    static Predicate<Character> isDigit() {
        return Character::isDigit;
    }
}
