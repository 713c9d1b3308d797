package dev.ferry.it.hazelcast.client;

import java.io.Serializable;
import java.util.List;

/**
 * A helper object only the client has, for a bound method reference ({@code ledger::balanceHere}).
 *
 * @param entries amounts, credits positive
 */
record Ledger(List<Integer> entries) implements Serializable {

    /** The balance, and the member that computed it. */
    List<String> balanceHere() {
        return List.of(Whereabouts.member(), String.valueOf(balance()));
    }

    int balance() {
        return entries.stream().mapToInt(Integer::intValue).sum();
    }
}
