package dev.ferry.it.catalog;

import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** An interface whose default and static methods declare lambdas (their bodies are private interface methods). */
public interface Scaling {

    int factor();

    /** Captures {@code this}: the implementing object must be serializable. */
    default IntUnaryOperator scaler() {
        return x -> x * factor();
    }

    default Supplier<String> describer(String unit) {
        return () -> factor() + " " + unit;
    }

    static IntUnaryOperator offset(int delta) {
        return x -> x + delta;
    }

    /** A serializable implementation; its accessor implements {@link #factor()}. */
    record Scale(int factor) implements Scaling, java.io.Serializable {
    }
}
