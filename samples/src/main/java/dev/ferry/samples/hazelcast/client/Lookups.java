package dev.ferry.samples.hazelcast.client;

import dev.ferry.samples.specialized.library.Box;
import dev.ferry.samples.specialized.library.TypedModels;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Application code that reads what the client stored, on the member it runs on: objects of classes generated at run
 * time, which that member has never seen. No member has this class: with Ferry it travels by value.
 */
final class Lookups {

    private Lookups() {
    }

    /** The label of the parcel stored under {@code key} in {@code map}. */
    static Callable<String> parcelLabel(String map, String key) {
        return () -> Members.local().<String, Parcel>getMap(map).get(key).label();
    }

    /**
     * The model stored under {@code key} in {@code map} as it reads, and whether its class is the very one the
     * member's own library returns for {@code Box<Integer>}.
     */
    static Callable<List<String>> boxOfInteger(String map, String key) {
        return () -> {
            Object read = Members.local().getMap(map).get(key);
            boolean libraryClass = read.getClass() == TypedModels.specialize(Box.class, Integer.class);
            return List.of(String.valueOf(read), libraryClass ? "the member's own Box<Integer> class"
                    : "a class other than the member's Box<Integer>");
        };
    }
}
