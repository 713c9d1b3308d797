package dev.ferry.it.attack;

import java.io.Serializable;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** A prepared application class whose lambdas the attack streams carry (none of them Serializable in Java's eyes). */
public final class Lambdas {

    private Lambdas() {
    }

    public static IntUnaryOperator adder(int k) {
        return x -> x + k;
    }

    /** A lambda that captures the object holding it: a cycle through a Ferry wire object. */
    public static Loop loop(String name) {
        Loop loop = new Loop(name);
        loop.self = () -> loop;
        return loop;
    }

    /** An object and a lambda that returns it, each reachable from the other. */
    public static final class Loop implements Serializable {

        private static final long serialVersionUID = 1L;

        final String name;
        Supplier<Loop> self;

        Loop(String name) {
            this.name = name;
        }

        /** {@code loop(name)}, when the lambda returns this very object. */
        public String describe() {
            return "loop(" + name + ")" + (self.get() == this ? " closed" : " broken");
        }
    }
}
