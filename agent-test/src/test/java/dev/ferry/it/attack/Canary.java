package dev.ferry.it.attack;

/**
 * Code an attacker would like a stream to run. It prints {@value #LINE} and what ran on the forked reader's stdout,
 * between the reader's {@code CASE-BEGIN}/{@code CASE-END} lines, so that the IT sees in which case it ran.
 */
public final class Canary {

    public static final String LINE = "CANARY-RAN";

    private Canary() {
    }

    public static void ran(String what) {
        System.out.println(LINE + " " + what);
    }
}
