package dev.ferry.it.byvalue;

import dev.ferry.it.support.Probe;
import dev.ferry.it.support.Roots;

/**
 * One thing an application writes: {@code roots} makes the objects (on the writer only), {@code probe} describes
 * their state and behaviour in one line (on both sides: the reader must describe what it read as the writer described
 * what it wrote), and {@code travelling} names the class that cannot be found by name on the reader, or gives null
 * when no class has to travel (the JDK or the generator re-creates it).
 */
record ByValueScenario(String name, Roots roots, Probe probe, Travelling travelling) {

    /** The generated class among the objects, which the reader must get by value. */
    interface Travelling {
        Class<?> of(Object[] roots);
    }

    static Travelling rootClass() {
        return roots -> roots[0].getClass();
    }

    static Travelling nothing() {
        return roots -> null;
    }
}
