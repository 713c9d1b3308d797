package dev.ferry.it.attach;

import java.util.function.IntUnaryOperator;

/** Loaded by {@link AttachTarget} before Ferry is attached; its lambda call site first runs after the attach. */
public final class Early {

    private Early() {
    }

    /** Loads and initializes this class without running its lambda call site. */
    public static String loaded() {
        return "Early";
    }

    /** A plain, non-serializable lambda capturing an int. */
    public static IntUnaryOperator adder(int k) {
        return x -> x + k;
    }
}
