package dev.ferry.it.attack;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Code an attacker would like a stream to run. It prints {@value #LINE} and what ran on the forked reader's stdout,
 * between the reader's {@code CASE-BEGIN}/{@code CASE-END} lines, so that the IT sees in which case it ran, and
 * counts its runs for the in-JVM fuzz test.
 */
public final class Canary {

    public static final String LINE = "CANARY-RAN";

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Canary() {
    }

    public static void ran(String what) {
        RUNS.incrementAndGet();
        System.out.println(LINE + " " + what);
    }

    /** How many times the canary ran in this JVM. */
    public static int runs() {
        return RUNS.get();
    }
}
