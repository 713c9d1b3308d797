package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Scenarios written one after the other into ONE stream, so that later ones refer back (by stream handle) to objects
 * that earlier ones wrote: identity across {@code writeObject} calls, and cycles whose handles are not the first of
 * the stream. A failure here stops the rest of this section (the stream is broken); the isolated scenarios still run.
 */
final class SharedStreamScenarios {

    private SharedStreamScenarios() {
    }

    /** The objects the section shares, created once, and only by the writer (a reader never touches this class). */
    private static final class Shared {
        static final Function<String, String> TAG = tagger("#");
        static final Graphs.Task TASK = new Graphs.Task("tagged", TAG);
        static final Function<Integer, Integer> JAVAC_SERIALIZABLE = javacSerializable(5);
        static final IntUnaryOperator FACTORIAL = Graphs.recursiveFactorial();
        static final Supplier<Graphs.Node> NODE_CALLBACK = Graphs.nodeCallback("shared");
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("shared_stream_first_lambda", () -> Shared.TAG, f -> f.apply("a")),
                Scenario.ofRoots("shared_stream_lambda_written_again_and_inside_a_graph_is_the_same_object",
                        () -> new Object[] {Shared.TASK, Shared.TAG},
                        roots -> "same=" + (((Graphs.Task) roots[0]).step() == roots[1]) + " "
                                + ((Graphs.Task) roots[0]).run("b")),
                Scenario.ofRoots("shared_stream_javac_serializable_lambda_between_ferry_lambdas",
                        () -> new Object[] {Shared.JAVAC_SERIALIZABLE, Shared.TAG, Shared.JAVAC_SERIALIZABLE},
                        SharedStreamScenarios::describeJavacSerializable),
                Scenario.of("shared_stream_recursive_lambda", () -> Shared.FACTORIAL,
                        f -> Integer.toString(f.applyAsInt(6))),
                Scenario.ofRoots("shared_stream_cycle_written_twice", () -> new Object[] {Shared.NODE_CALLBACK,
                        Shared.NODE_CALLBACK.get(), Shared.FACTORIAL}, SharedStreamScenarios::describeCycle));
    }

    static Function<String, String> tagger(String mark) {
        return s -> mark + s;
    }

    /** javac compiles this one in the JDK's own serializable form, which Ferry leaves alone. */
    static Function<Integer, Integer> javacSerializable(int k) {
        return (Function<Integer, Integer> & Serializable) x -> x * k;
    }

    @SuppressWarnings("unchecked")
    private static String describeJavacSerializable(Object[] roots) {
        Function<Integer, Integer> times = (Function<Integer, Integer>) roots[0];
        Function<String, String> tag = (Function<String, String>) roots[1];
        return "same=" + (roots[0] == roots[2]) + " " + times.apply(3) + " " + tag.apply("c");
    }

    @SuppressWarnings("unchecked")
    private static String describeCycle(Object[] roots) {
        Supplier<Graphs.Node> callback = (Supplier<Graphs.Node>) roots[0];
        Graphs.Node node = (Graphs.Node) roots[1];
        IntUnaryOperator factorial = (IntUnaryOperator) roots[2];
        return "node=" + (callback.get() == node) + " cycle=" + (node.callback == callback) + " "
                + factorial.applyAsInt(4);
    }
}
