package dev.ferry.samples.hazelcast.client;

import com.hazelcast.map.EntryProcessor;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Application code about cargo: a method reference, a function kept in a map and the code that applies it on a member,
 * and an entry processor. No member has this class: with Ferry it travels by value.
 */
final class Cargo {

    private Cargo() {
    }

    /** A method reference to a helper of the client: the manifest travels, captured, with it. */
    static Callable<Integer> weigh(Manifest manifest) {
        return manifest::totalKilos;
    }

    /** A tariff to store as a map value: a plain {@code Function} capturing two local values. */
    static Function<Integer, Integer> tariff(int base, int perTon) {
        return tons -> base + perTon * tons;
    }

    /** Reads the tariff stored under {@code key} in {@code map}, on the member it runs on, and applies it. */
    static Callable<Integer> applyTariff(String map, String key, int tons) {
        return () -> {
            Function<Integer, Integer> tariff = Members.local().<String, Function<Integer, Integer>>getMap(map)
                    .get(key);
            return tariff.apply(tons);
        };
    }

    /**
     * Takes berths at a pier, on the member that owns the pier's entry. {@link EntryProcessor} is
     * {@code Serializable}, so javac makes this lambda serializable: it travels as the JDK's {@code SerializedLambda},
     * which names this class, and this class travels by value.
     */
    static EntryProcessor<String, Integer, Integer> dock(int arriving) {
        return entry -> {
            entry.setValue(entry.getValue() + arriving);
            return entry.getValue();
        };
    }
}
