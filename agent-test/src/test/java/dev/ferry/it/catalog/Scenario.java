package dev.ferry.it.catalog;

import dev.ferry.it.support.Probe;
import dev.ferry.it.support.Roots;

/**
 * One lambda scenario of the catalog: the objects the writer serializes (its roots, each written with its own
 * {@code writeObject} call) and a probe that invokes them and describes what they did.
 *
 * <p>The writer runs the probe on the original objects after writing them (a probe may change what it runs, e.g. fill
 * a captured list); the reader runs it on the objects it read and compares the two descriptions. A probe must therefore be deterministic across JVMs and JDKs: no identity hash
 * codes, no lambda class names, no unordered collections.
 */
public record Scenario(String name, Roots roots, Probe probe) {

    @FunctionalInterface
    public interface SingleProbe<T> {
        String describe(T root) throws Exception;
    }

    @FunctionalInterface
    public interface Factory<T> {
        T create() throws Exception;
    }

    /** A scenario with a single root. */
    public static <T> Scenario of(String name, Factory<T> root, SingleProbe<T> probe) {
        return new Scenario(name, () -> new Object[] {root.create()}, roots -> probe.describe(cast(roots[0])));
    }

    /** A scenario whose roots are written with separate {@code writeObject} calls on one stream. */
    public static Scenario ofRoots(String name, Roots roots, Probe probe) {
        return new Scenario(name, roots, probe);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object root) {
        return (T) root;
    }
}
