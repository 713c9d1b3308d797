package dev.ferry.it.agents;

import java.io.Serializable;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Version 1 of the class a HotSwap replaces. {@link TicketVersions} holds versions 2 and 3, which differ only inside
 * method bodies (what the JVM's class redefinition allows). Keep them in step: same methods, same lambdas.
 */
public final class Ticket {

    private Ticket() {
    }

    /** Version 1: base plus distance; version 2: base plus a hundred times the distance. */
    public static IntUnaryOperator fare(int base) {
        return distance -> base + distance;
    }

    /** javac's own serializable lambda, whose {@code $deserializeLambda$} Ferry chains. */
    public static Supplier<String> stamp() {
        return (Supplier<String> & Serializable) () -> "stamped " + version();
    }

    public static String version() {
        return "v1";
    }
}
