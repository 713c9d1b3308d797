package dev.ferry.it.catalog;

import java.util.function.Function;

/**
 * Interfaces for intersection casts and bridge methods (javac emits altMetafactory for them: docs/how-it-works.md,
 * Fact 2).
 */
public final class Markers {

    private Markers() {
    }

    /** A marker that is NOT serializable: the lambda must still implement it after crossing (JDK-8174865). */
    public interface Marker {
    }

    /** A second marker with a default method: a read lambda must still run default methods. */
    public interface Tagged {
        default String tag() {
            return "tagged";
        }
    }

    /** Inherits {@code apply(Object)Object} as is: no bridge, but the generic method is reached through a subtype. */
    public interface StringFn extends Function<String, Integer> {
    }

    /** Redeclares the generic method with its instantiated types: the lambda needs the bridge {@code apply(Object)}. */
    public interface StringLengthFn extends Function<String, Integer> {
        @Override
        Integer apply(String s);
    }

    /** A serializable functional interface: javac makes its lambdas serializable in the JDK's own form. */
    public interface SerializableFn extends Function<String, String>, java.io.Serializable {
    }
}
