package dev.ferry.samples.hazelcast.client;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task written as a class, the way Hazelcast's documentation writes them. It and the helpers its code calls
 * ({@link Route}, {@link Fares}) exist only on the client; with Ferry, a member receives all three by value.
 *
 * @param route      where to
 * @param passengers how many travel
 */
record FareQuote(Route route, int passengers) implements Callable<String>, Serializable {

    @Override
    public String call() {
        return route + ", " + passengers + " passengers: " + Fares.format(Fares.total(route, passengers));
    }

    /** A crossing and its length in nautical miles. */
    record Route(String from, String to, int miles) implements Serializable {

        @Override
        public String toString() {
            return from + " to " + to;
        }
    }

    /** The fare table. */
    static final class Fares {

        private static final int BOARDING_CENTS = 750;
        private static final int CENTS_PER_MILE = 45;

        private Fares() {
        }

        static int total(Route route, int passengers) {
            return passengers * (BOARDING_CENTS + CENTS_PER_MILE * route.miles());
        }

        static String format(int cents) {
            return cents / 100 + "." + String.format("%02d", cents % 100) + " EUR";
        }
    }
}
