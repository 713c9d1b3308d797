package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.function.IntPredicate;

/** A record whose lambda captures the record: records are read through their canonical constructor. */
public record Range(int low, int high) implements Serializable {

    public IntPredicate contains() {
        return x -> x >= low && x < high;
    }
}
