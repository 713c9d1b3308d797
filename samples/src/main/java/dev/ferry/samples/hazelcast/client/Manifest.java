package dev.ferry.samples.hazelcast.client;

import java.io.Serializable;
import java.util.List;

/**
 * A ship's cargo: a helper of the client, serializable as application values are, and on no member's class path.
 *
 * @param crates what is aboard, with its weight in kilograms
 */
record Manifest(List<Crate> crates) implements Serializable {

    /** One crate and its weight. */
    record Crate(String contents, int kilos) implements Serializable {
    }

    int totalKilos() {
        return crates.stream().mapToInt(Crate::kilos).sum();
    }
}
