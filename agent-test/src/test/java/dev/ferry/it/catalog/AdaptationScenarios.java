package dev.ferry.it.catalog;

import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * What the lambda object is beyond its functional method: marker interfaces, bridges, default methods, the methods of
 * {@code Object}, checked exceptions, and javac's own serializable lambdas.
 */
final class AdaptationScenarios {

    private AdaptationScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("intersection_cast_with_a_non_serializable_marker", AdaptationScenarios::markedRunnable,
                        r -> "marker=" + (r instanceof Markers.Marker) + " " + Effects.countRuns(r)),
                Scenario.of("intersection_cast_with_two_markers_one_with_a_default_method",
                        () -> markedSupplier(8), AdaptationScenarios::describeMarkedSupplier),
                Scenario.of("functional_interface_inheriting_a_generic_method", AdaptationScenarios::stringFn,
                        AdaptationScenarios::describeStringFn),
                Scenario.of("functional_interface_redeclaring_a_generic_method_needs_a_bridge",
                        AdaptationScenarios::stringLengthFn, AdaptationScenarios::describeStringLengthFn),
                Scenario.of("default_method_of_the_functional_interface_on_the_read_lambda",
                        () -> CombinatorScenarios.plus(2), f -> f.andThen(x -> x * 100).apply(1).toString()),
                Scenario.ofRoots("read_lambda_has_identity_equals_and_a_stable_hash_code",
                        AdaptationScenarios::twoLambdasOfOneCallSite, AdaptationScenarios::describeEquality),
                Scenario.of("callable_lambda_throwing_a_checked_exception_propagates_it_unchanged",
                        () -> failingCallable("disk"), AdaptationScenarios::describeCallableFailure),
                Scenario.of("javac_serializable_lambda_intersection_cast",
                        () -> SharedStreamScenarios.javacSerializable(6), f -> f.apply(7).toString()),
                Scenario.of("lambda_of_a_serializable_functional_interface", () -> serializableFn("!"),
                        f -> f.apply("hey") + " serializable=" + (f instanceof Serializable)),
                Scenario.of("read_lambda_can_be_written_and_read_again",
                        () -> CaptureScenarios.capturingLambda(CombinatorScenarios.plus(1)),
                        AdaptationScenarios::describeSecondTrip));
    }

    static Runnable markedRunnable() {
        return (Runnable & Markers.Marker) () -> Effects.RUNS.incrementAndGet();
    }

    static IntSupplier markedSupplier(int value) {
        return (IntSupplier & Markers.Marker & Markers.Tagged) () -> value * 2;
    }

    private static String describeMarkedSupplier(IntSupplier supplier) {
        String tag = supplier instanceof Markers.Tagged ? ((Markers.Tagged) supplier).tag() : "not tagged";
        return supplier.getAsInt() + " marker=" + (supplier instanceof Markers.Marker) + " " + tag;
    }

    static Markers.StringFn stringFn() {
        return s -> s.length() * 10;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String describeStringFn(Markers.StringFn fn) {
        Function raw = fn;
        return fn.apply("abc") + "," + raw.apply("abcd");
    }

    static Markers.StringLengthFn stringLengthFn() {
        return s -> s.length() + 1000;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String describeStringLengthFn(Markers.StringLengthFn fn) {
        Function raw = fn;
        Function<String, Integer> generic = fn;
        return fn.apply("ab") + "," + raw.apply("abc") + "," + generic.apply("abcd");
    }

    private static Object[] twoLambdasOfOneCallSite() {
        return new Object[] {CombinatorScenarios.plus(1), CombinatorScenarios.plus(1)};
    }

    private static String describeEquality(Object[] roots) {
        Object first = roots[0];
        Object second = roots[1];
        return "selfEqual=" + first.equals(first) + " equalToTwin=" + first.equals(second) + " stableHash="
                + (first.hashCode() == first.hashCode()) + " hashIsIdentity="
                + (first.hashCode() == System.identityHashCode(first));
    }

    static Callable<String> failingCallable(String device) {
        return () -> {
            throw new IOException("no " + device);
        };
    }

    private static String describeCallableFailure(Callable<String> callable) {
        try {
            return "returned " + callable.call();
        } catch (Exception e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** A reader that forwards what it read (a pipeline stage) writes the read lambda again. */
    @SuppressWarnings("unchecked")
    private static String describeSecondTrip(Function<Integer, Integer> lambda) throws Exception {
        Function<Integer, Integer> again = (Function<Integer, Integer>) Streams.readOne(Streams.write(lambda));
        return again.apply(5) + " " + lambda.apply(5) + " distinct=" + (again != lambda);
    }

    static Markers.SerializableFn serializableFn(String suffix) {
        return s -> s + suffix;
    }
}
