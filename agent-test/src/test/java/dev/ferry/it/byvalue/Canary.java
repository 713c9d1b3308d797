package dev.ferry.it.byvalue;

/**
 * What the static initializers of the trust tests' generated classes call: a line on stdout proves the class was
 * initialized. A refused class must never get that far.
 */
public final class Canary {

    public static final String LINE = "CANARY-RAN";

    private Canary() {
    }

    public static void sing(String className) {
        System.out.println(LINE + " " + className);
    }
}
