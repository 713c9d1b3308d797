package dev.ferry.it.hazelcast.client;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A task written as a class, as Hazelcast's documentation writes them, which only the client has, like the helper its
 * code calls ({@link Legs}). When it runs, it also signs {@code log}, so that a test can tell that a refused task did
 * not run.
 *
 * @param log   the map it signs with the name of the member it runs on
 * @param stops the ports of call
 */
record RouteTask(String log, List<String> stops) implements Callable<List<String>>, Serializable {

    @Override
    public List<String> call() {
        Whereabouts.instance().getMap(log).put(Whereabouts.member(), "ran");
        return List.of(Whereabouts.member(), Legs.describe(stops));
    }

    /** The helper {@link RouteTask} calls: another class only the client has. */
    static final class Legs {

        private Legs() {
        }

        static String describe(List<String> stops) {
            return (stops.size() - 1) + " legs: " + String.join(" > ", stops);
        }
    }
}
