package dev.ferry.boot.specialize;

/**
 * How the writer writes a class a specialization names, as the one writer decision says (which lives with the wire
 * format and is passed in, so that this package does not depend on it).
 */
public interface ClassTravel {

    /**
     * {@code type}'s node: a {@link TypeNode.ClassLeaf} when it travels by name or by value, or the root of its own
     * recipe when it is itself a specialization.
     *
     * @throws Refused when no other JVM could resolve it
     */
    TypeNode of(Class<?> type) throws Refused;

    /** A class that cannot travel, and what it is: "the generated class X, which cannot travel: why". */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
