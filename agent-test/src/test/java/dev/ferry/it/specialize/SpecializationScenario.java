package dev.ferry.it.specialize;

import dev.ferry.it.support.Probe;
import dev.ferry.it.support.Roots;

/**
 * One thing an application writes: {@code roots} makes the objects (on the writer only); {@code probe} describes them
 * in one line on both sides (the reader must describe what it read as the writer described what it wrote);
 * {@code identity} checks, on the reader after reading, that each specialization read is an instance of the very class
 * the reader's own generator returns for its recipe.
 */
record SpecializationScenario(String name, Roots roots, Probe probe, Identity identity) {

    /** Null when the classes read are the reader's own specializations, else what differs. */
    interface Identity {
        String problem(Object[] roots) throws Exception;
    }

    /** The first root, described. */
    static Probe firstRoot() {
        return roots -> Descriptions.of(roots[0]);
    }

    /** Null when {@code object}'s class is {@code expected}, else what it is. */
    static String sameClass(String what, Object object, Class<?> expected) {
        return sameClass(what, object == null ? null : object.getClass(), expected);
    }

    static String sameClass(String what, Class<?> actual, Class<?> expected) {
        if (actual == expected) {
            return null;
        }
        return what + " is " + (actual == null ? "null" : actual.getName() + " of " + actual.getClassLoader())
                + ", not the generator's " + expected.getName() + " of " + expected.getClassLoader();
    }

    /** The first problem, or null. */
    static String firstOf(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
