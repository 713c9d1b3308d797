package dev.ferry.it.catalog;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** An enum whose methods, and one constant's own body (class {@code Rounding$1}), declare lambdas. */
public enum Rounding {
    UP {
        @Override
        public IntUnaryOperator step() {
            return x -> x + 1;
        }
    },
    DOWN;

    public DoubleUnaryOperator rounder(int digits) {
        double scale = Math.pow(10, digits);
        return this == UP ? v -> Math.ceil(v * scale) / scale : v -> Math.floor(v * scale) / scale;
    }

    public IntUnaryOperator step() {
        return x -> x - 1;
    }

    /** Captures the constant itself, which serialization writes by name. */
    public Supplier<String> describer() {
        return () -> name().toLowerCase(Locale.ROOT) + "/" + ordinal();
    }
}
