package dev.ferry.it.hazelcast.client;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Jobs whose code only the client has: no member has this class or the helpers it calls, so they reach a member only
 * by value ({@code byValue=dev.ferry.it.hazelcast.client} on the client, the shared key on both sides). Each answers
 * with where it ran ({@link Whereabouts#member()}) and what it computed.
 */
final class ClientJobs {

    private ClientJobs() {
    }

    /** A plain {@code Callable} capturing a string, an int and a list. */
    static Callable<List<String>> describe(String ship, int gate, List<Integer> tons) {
        return () -> List.of(Whereabouts.member(), summary(ship, gate, tons));
    }

    /** What {@link #describe} computes, for the client to compare with. */
    static String summary(String ship, int gate, List<Integer> tons) {
        return "client-only: " + ship + " at gate " + gate + " with " + tons.stream().mapToInt(Integer::intValue).sum()
                + " t";
    }

    /** A bound method reference to a helper only the client has. */
    static Callable<List<String>> balanceOf(Ledger ledger) {
        return ledger::balanceHere;
    }

    /** A plain {@code Runnable}: writes {@code note} into {@code map} under the name of the member that runs it. */
    static Runnable signIn(String map, String note) {
        return () -> Whereabouts.instance().getMap(map).put(Whereabouts.member(), note);
    }

    /** A plain {@code Function} capturing two ints, to store as a map value. */
    static Function<Integer, Integer> tariff(int base, int perTon) {
        return tons -> base * 2 + perTon * tons;
    }

    /** Adds {@code amount} to the entry and answers with the member it ran on (javac-serializable: the JDK's route). */
    static EntryProcessor<String, Integer, String> addAndTell(int amount) {
        return entry -> {
            entry.setValue(entry.getValue() + amount);
            return Whereabouts.member();
        };
    }
}
