package dev.ferry.it.attack.gadget;

import dev.ferry.it.attack.Canary;
import java.util.Comparator;

/**
 * An application class with an ordinary lambda whose body acts on what it captured: harmless where the application
 * makes it, a gadget when an attacker chooses the captured value and a {@code PriorityQueue} runs the comparator
 * while it is read ({@code PriorityQueue.readObject} heapifies).
 */
public final class Scheduler {

    private Scheduler() {
    }

    /** Orders jobs by name, running {@code command} (here: the canary) on every comparison. */
    public static Comparator<String> byName(String command) {
        return (a, b) -> {
            Canary.ran("comparator " + command);
            return a.compareTo(b);
        };
    }
}
