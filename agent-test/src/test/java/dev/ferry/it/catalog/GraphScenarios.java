package dev.ferry.it.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Lambdas inside object graphs: fields, collections, shared references and cycles. */
final class GraphScenarios {

    private GraphScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("lambda_in_a_field_of_a_serializable_task",
                        () -> new Graphs.Task("shout", s -> s.toUpperCase(java.util.Locale.ROOT) + "!"),
                        task -> task.run("ahoy")),
                Scenario.of("lambdas_in_collections", GraphScenarios::operationsByName,
                        GraphScenarios::applyAll),
                Scenario.of("lambda_referenced_twice_reads_back_as_one_object", GraphScenarios::pairOfOneLambda,
                        GraphScenarios::describePair),
                Scenario.ofRoots("lambda_written_by_two_write_object_calls_reads_back_as_one_object",
                        GraphScenarios::oneLambdaTwice, GraphScenarios::describeTwice),
                Scenario.ofRoots("two_lambdas_capturing_one_array_still_share_it",
                        Graphs::sharedArrayAccessors, GraphScenarios::describeSharedArray),
                Scenario.of("cycle_lambda_written_first_whose_captured_object_refers_back_to_it",
                        () -> Graphs.nodeCallback("root"), GraphScenarios::describeNodeCycle),
                Scenario.of("recursive_lambda_through_an_atomic_reference", Graphs::recursiveFactorial,
                        f -> f.applyAsInt(5) + "," + f.applyAsInt(10)),
                Scenario.of("atomic_reference_holding_a_recursive_lambda", Graphs::recursiveFibonacciReference,
                        GraphScenarios::describeFibonacci),
                Scenario.of("mutually_recursive_lambdas_through_a_holder", Graphs::mutuallyRecursiveEven,
                        p -> p.test(10) + "," + p.test(7)));
    }

    private static Map<String, IntUnaryOperator> operationsByName() {
        Map<String, IntUnaryOperator> operations = new TreeMap<>();
        int offset = 100;
        operations.put("double", x -> x * 2);
        operations.put("offset", x -> x + offset);
        operations.put("negate", x -> -x);
        return operations;
    }

    private static String applyAll(Map<String, IntUnaryOperator> operations) {
        List<String> results = new ArrayList<>();
        operations.forEach((name, operation) -> results.add(name + "=" + operation.applyAsInt(21)));
        return results.toString();
    }

    private static Graphs.Pair pairOfOneLambda() {
        String suffix = "?";
        Function<String, String> ask = s -> s + suffix;
        return new Graphs.Pair(ask, ask);
    }

    @SuppressWarnings("unchecked")
    private static String describePair(Graphs.Pair pair) {
        Function<String, String> first = (Function<String, String>) pair.first;
        return "same=" + (pair.first == pair.second) + " " + first.apply("why");
    }

    private static Object[] oneLambdaTwice() {
        int base = 7;
        IntUnaryOperator add = x -> x + base;
        return new Object[] {add, new Graphs.Pair(add, "other"), add};
    }

    private static String describeTwice(Object[] roots) {
        IntUnaryOperator add = (IntUnaryOperator) roots[0];
        Graphs.Pair pair = (Graphs.Pair) roots[1];
        return "same=" + (roots[0] == roots[2]) + " inPair=" + (pair.first == add) + " " + add.applyAsInt(1);
    }

    private static String describeSharedArray(Object[] roots) {
        IntConsumer set = (IntConsumer) roots[0];
        IntSupplier get = (IntSupplier) roots[1];
        int before = get.getAsInt();
        set.accept(before + 41);
        return before + "->" + get.getAsInt();
    }

    private static String describeNodeCycle(Supplier<Graphs.Node> callback) {
        Graphs.Node node = callback.get();
        return node.label + " cycle=" + (node.callback == callback);
    }

    private static String describeFibonacci(AtomicReference<IntUnaryOperator> reference) {
        return Integer.toString(reference.get().applyAsInt(15));
    }
}
