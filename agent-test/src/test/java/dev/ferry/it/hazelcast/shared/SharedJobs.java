package dev.ferry.it.hazelcast.shared;

import com.hazelcast.map.EntryProcessor;
import dev.ferry.samples.specialized.library.Box;
import dev.ferry.samples.specialized.library.TypedModels;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Jobs whose code every member has on its class path, as an application jar deployed on the members: their lambdas
 * travel by name (with Ferry) and only their captured values cross. Each answers with where it ran
 * ({@link Here#member()}) and what it computed.
 *
 * <p>The readers ({@link #applyFunction}, {@link #readLabel}, {@link #readModel}) also read values of classes only
 * the client has: the reader itself then travels as here, and only the value it reads needs Ferry's by-value route.
 */
public final class SharedJobs {

    private SharedJobs() {
    }

    /** A plain {@code Callable} capturing a string, an int and a list. */
    public static Callable<List<String>> describe(String ship, int gate, List<Integer> tons) {
        return () -> List.of(Here.member(), summary(ship, gate, tons));
    }

    /** What {@link #describe} computes, for the client to compare with. */
    public static String summary(String ship, int gate, List<Integer> tons) {
        return ship + " at gate " + gate + " with " + tons.stream().mapToInt(Integer::intValue).sum() + " t";
    }

    /**
     * A bound method reference to a helper on every member's class path. Made here, not where the client calls it: a
     * method reference belongs to the class it is written in, as a lambda does.
     */
    public static Callable<List<String>> totalOf(Tally tally) {
        return tally::totalHere;
    }

    /** A plain {@code Runnable}: writes {@code note} into {@code map} under the name of the member that runs it. */
    public static Runnable signIn(String map, String note) {
        return () -> Here.instance().getMap(map).put(Here.member(), note);
    }

    /** A plain {@code Function} capturing two ints, to store as a map value. */
    public static Function<Integer, Integer> tariff(int base, int perTon) {
        return tons -> base + perTon * tons;
    }

    /** Reads the {@code Function} stored under {@code key} and applies it to {@code argument}. */
    public static Callable<List<String>> applyFunction(String map, String key, int argument) {
        return () -> {
            Function<Integer, Integer> function = Here.instance().<String, Function<Integer, Integer>>getMap(map)
                    .get(key);
            return List.of(Here.member(), String.valueOf(function.apply(argument)));
        };
    }

    /** Adds {@code amount} to the entry and answers with the member it ran on (javac-serializable: the JDK's route). */
    public static EntryProcessor<String, Integer, String> addAndTell(int amount) {
        return entry -> {
            entry.setValue(entry.getValue() + amount);
            return Here.member();
        };
    }

    /** Reads the {@link Labelled} stored under {@code key}: its label and its class's name. */
    public static Callable<List<String>> readLabel(String map, String key) {
        return () -> {
            Labelled read = Here.instance().<String, Labelled>getMap(map).get(key);
            return List.of(Here.member(), read.label(), read.getClass().getName());
        };
    }

    /**
     * Reads the model stored under {@code key}: as it reads, and whether its class is the one this member's library
     * returns for {@code Box<Integer>}.
     */
    public static Callable<List<String>> readModel(String map, String key) {
        return () -> {
            Object read = Here.instance().getMap(map).get(key);
            boolean libraryClass = read.getClass() == TypedModels.specialize(Box.class, Integer.class);
            return List.of(Here.member(), String.valueOf(read), String.valueOf(libraryClass));
        };
    }
}
