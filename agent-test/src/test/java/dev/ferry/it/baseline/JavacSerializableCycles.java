package dev.ferry.it.baseline;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.Streams;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Forked JVM for the JDK-route baseline: the catalog's two cycle shapes, but with javac-serializable lambdas, which
 * the JDK writes as {@code SerializedLambda} and resolves only after their captured values are read
 * (docs/how-it-works.md, Fact 9: a back reference read before readResolve returns is the stand-in). {@code write <dir>} writes them; {@code read <dir>} prints {@code <case>: <result or failure>}.
 */
public final class JavacSerializableCycles {

    private JavacSerializableCycles() {
    }

    /** A serializable node whose callback captures the node. */
    public static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;

        Supplier<Node> callback;
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[1]);
        if (args[0].equals("write")) {
            Files.write(directory.resolve("recursive.ser"), Streams.write(recursiveFactorial()));
            Files.write(directory.resolve("node.ser"), Streams.write(nodeCallback()));
            return;
        }
        System.out.println("recursive: " + use(directory.resolve("recursive.ser"), read -> Integer.toString(
                ((IntUnaryOperator) read).applyAsInt(5))));
        System.out.println("node: " + use(directory.resolve("node.ser"), read -> "cycle="
                + (((Supplier<?>) read).get() != null)));
    }

    private interface Use {
        String apply(Object read);
    }

    private static String use(Path file, Use use) {
        try {
            return use.apply(Streams.readOne(Files.readAllBytes(file)));
        } catch (Throwable failure) {
            return "failed " + Failures.describeChain(failure);
        }
    }

    static IntUnaryOperator recursiveFactorial() {
        AtomicReference<IntUnaryOperator> self = new AtomicReference<>();
        self.set((IntUnaryOperator & Serializable) n -> n <= 1 ? 1 : n * self.get().applyAsInt(n - 1));
        return self.get();
    }

    static Supplier<Node> nodeCallback() {
        Node node = new Node();
        node.callback = (Supplier<Node> & Serializable) () -> node;
        return node.callback;
    }
}
