package dev.ferry.it.forgery;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.nio.file.Files;
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
            System.out.println("RESULT " + name + " " + readAndUse(file));
        }
        System.out.println(FerryCounters.line());
    }

    @SuppressWarnings("unchecked")
    private static String readAndUse(Path file) {
        Object read;
        try {
            read = Streams.readOne(Files.readAllBytes(file));
        } catch (Throwable refused) {
            return "REFUSED " + Failures.describeChain(refused);
        }
        try {
            if (read instanceof Function) {
                return "ACCEPTED apply(x)=" + ((Function<String, Object>) read).apply("x");
            }
            if (read instanceof Runnable) {
                ((Runnable) read).run();
                return "ACCEPTED ran a " + read.getClass().getName();
            }
            return "ACCEPTED " + (read == null ? "null" : read.getClass().getName());
        } catch (Throwable failure) {
            return "ACCEPTED then failed when used: " + Failures.describeChain(failure);
        }
    }
}
