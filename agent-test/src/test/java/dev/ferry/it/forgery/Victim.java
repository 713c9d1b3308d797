package dev.ferry.it.forgery;

import java.util.function.Function;

/** A prepared class with two call sites of one interface: one captures a String, the other an Integer. */
public final class Victim {

    private Victim() {
    }

    public static Function<String, String> prefixer(String prefix) {
        return s -> prefix + s;
    }

    public static Function<String, String> repeater(Integer times) {
        return s -> s.repeat(times);
    }
}
