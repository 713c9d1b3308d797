package dev.ferry.it.specialize;

import java.io.Serializable;

/**
 * The class-path superclass of a generated class that is no specialization ({@link SubclassMaker#ingredient}): as a
 * type argument it travels by value, which needs the same {@code keyFile} on both JVMs.
 */
public abstract class Ingredient implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;

    public String name() {
        return name;
    }

    public Ingredient named(String newName) {
        this.name = newName;
        return this;
    }

    /** Generated: a constant. */
    public abstract String flavour();
}
