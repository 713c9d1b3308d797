package dev.ferry.bench;

import java.io.Serializable;

/**
 * The "ordinary object" baseline of the round-trip benchmark: a plain serializable class with one {@code int} field
 * that does what the benchmarked lambda does. Top-level and in the same package as {@link Payloads}, so that its
 * serial form carries a class name about as long as the one a lambda recipe names.
 */
public final class PlainInt implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int k;

    public PlainInt(int k) {
        this.k = k;
    }

    public int applyAsInt(int x) {
        return x + k;
    }
}
