package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.function.Function;

/** A serializable object whose lambdas capture {@code this}, and a target of bound method references. */
public final class Greeter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String greeting;

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    public String greet(String name) {
        return greeting + ", " + name + "!";
    }

    /** A lambda that reads a field, so it captures {@code this}. */
    public Function<String, String> greeter() {
        return name -> greeting.toUpperCase(java.util.Locale.ROOT) + " " + name;
    }

    public String greeting() {
        return greeting;
    }
}
