package dev.ferry.it.agents;

import dev.ferry.it.support.FerryCounters;
import java.nio.file.Path;

/**
 * Forked reader JVM: {@code TravelReader FILE} reads what a program of this package wrote with {@link Travel#write},
 * prints a {@code READ} line per object (or one {@code REFUSED} line), then the agent's counters.
 */
public final class TravelReader {

    private TravelReader() {
    }

    public static void main(String[] args) {
        Travel.readAndPrint(Path.of(args[0]));
        System.out.println(FerryCounters.line());
    }
}
