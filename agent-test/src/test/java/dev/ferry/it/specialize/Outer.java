package dev.ferry.it.specialize;

/** A generic class with a generic inner class: {@code Outer<String>.Inner<Integer>} has a parameterized owner. */
public class Outer<T> {

    /** Only its type is used. */
    public class Inner<U> {
    }
}
