package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Serializable application objects that hold lambdas, share them, or are captured by the lambdas they hold. */
public final class Graphs {

    private Graphs() {
    }

    /** A unit of work shipped to another JVM: the typical reason to serialize a lambda. */
    public static final class Task implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final Function<String, String> step;

        public Task(String name, Function<String, String> step) {
            this.name = name;
            this.step = step;
        }

        public String run(String input) {
            return name + ": " + step.apply(input);
        }

        public Function<String, String> step() {
            return step;
        }
    }

    /** Two references that may or may not be the same object. */
    public static final class Pair implements Serializable {
        private static final long serialVersionUID = 1L;

        public final Object first;
        public final Object second;

        public Pair(Object first, Object second) {
            this.first = first;
            this.second = second;
        }
    }

    /** A node whose callback is a lambda that captures the node: a cycle through a lambda. */
    public static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;

        public final String label;
        public Supplier<Node> callback;

        public Node(String label) {
            this.label = label;
        }
    }

    /** Returns the callback of a new node, so that the lambda, not the node, is what gets written first. */
    public static Supplier<Node> nodeCallback(String label) {
        Node node = new Node(label);
        node.callback = () -> node;
        return node.callback;
    }

    /** The usual way to write a recursive lambda in Java; the lambda reaches itself through the reference. */
    public static IntUnaryOperator recursiveFactorial() {
        AtomicReference<IntUnaryOperator> self = new AtomicReference<>();
        self.set(n -> n <= 1 ? 1 : n * self.get().applyAsInt(n - 1));
        return self.get();
    }

    /** The same, but the application keeps (and writes) the reference rather than the lambda. */
    public static AtomicReference<IntUnaryOperator> recursiveFibonacciReference() {
        AtomicReference<IntUnaryOperator> self = new AtomicReference<>();
        self.set(n -> n < 2 ? n : self.get().applyAsInt(n - 1) + self.get().applyAsInt(n - 2));
        return self;
    }

    /** Holds two lambdas that call each other through it. */
    public static final class Parity implements Serializable {
        private static final long serialVersionUID = 1L;

        IntPredicate even;
        IntPredicate odd;
    }

    public static IntPredicate mutuallyRecursiveEven() {
        Parity parity = new Parity();
        parity.even = n -> n == 0 || parity.odd.test(n - 1);
        parity.odd = n -> n != 0 && parity.even.test(n - 1);
        return parity.even;
    }

    /** A writer and a reader that share one captured array: after crossing they must still share it. */
    public static Object[] sharedArrayAccessors() {
        int[] cell = new int[1];
        IntConsumer set = value -> cell[0] = value;
        IntSupplier get = () -> cell[0];
        return new Object[] {set, get};
    }
}
