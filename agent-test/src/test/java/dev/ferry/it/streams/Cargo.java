package dev.ferry.it.streams;

import java.util.function.Function;

/** A class on every JVM's class path whose lambdas cross through streams of all kinds. */
public final class Cargo {

    private Cargo() {
    }

    public static Function<String, String> shout(String suffix) {
        return text -> text.toUpperCase() + suffix;
    }
}
