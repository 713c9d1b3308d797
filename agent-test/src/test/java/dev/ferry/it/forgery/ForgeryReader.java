package dev.ferry.it.forgery;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.ReadVerdict;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Forked reader JVM (with Ferry): {@code ForgeryReader <case>=<file>...} reads each file as an application would,
 * and uses what it got as the application would (applies a Function, runs a Runnable: a forgery that gets this far
 * would run the attacker's code). Prints {@code RESULT <case> ACCEPTED <what it did>} or
 * {@code RESULT <case> REFUSED <exception and causes>}, then the agent's counters.
 */
public final class ForgeryReader {

    private ForgeryReader() {
    }

    public static void main(String[] args) {
        for (String argument : args) {
            int equals = argument.indexOf('=');
            String name = argument.substring(0, equals);
            Path file = Path.of(argument.substring(equals + 1));
            System.out.println("RESULT " + name + " " + ReadVerdict.of(file, ForgeryReader::use));
        }
        System.out.println(FerryCounters.line());
    }

    @SuppressWarnings("unchecked")
    private static String use(Object read) {
        if (read instanceof Function) {
            return "apply(x)=" + ((Function<String, Object>) read).apply("x");
        }
        if (read instanceof Runnable) {
            ((Runnable) read).run();
            return "ran a " + read.getClass().getName();
        }
        return read == null ? "null" : read.getClass().getName();
    }
}
