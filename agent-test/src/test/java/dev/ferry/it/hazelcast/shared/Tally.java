package dev.ferry.it.hazelcast.shared;

import java.io.Serializable;
import java.util.List;

/**
 * A helper object on every member's class path, for a bound method reference ({@code tally::totalHere}).
 *
 * @param values what to add up
 */
public record Tally(List<Integer> values) implements Serializable {

    /** The sum, and the member that computed it. */
    public List<String> totalHere() {
        return List.of(Here.member(), String.valueOf(total()));
    }

    public int total() {
        return values.stream().mapToInt(Integer::intValue).sum();
    }
}
