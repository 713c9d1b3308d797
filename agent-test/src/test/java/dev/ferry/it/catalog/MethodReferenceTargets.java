package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.function.Supplier;

/** Methods the catalog's method references point at. */
public final class MethodReferenceTargets {

    private MethodReferenceTargets() {
    }

    public static int weightedSum(int a, int b) {
        return 3 * a + b;
    }

    public static String joinAll(String... parts) {
        return parts.length + ":" + String.join("+", parts);
    }

    public static int fortyTwo() {
        return 42;
    }

    /** A base class whose method a subclass reaches with {@code super::describe}. */
    public static class Base implements Serializable {
        private static final long serialVersionUID = 1L;

        public String describe() {
            return "base";
        }
    }

    /** Overrides {@code describe}; {@link #viaSuper} must still reach the base version after crossing. */
    public static final class Derived extends Base {
        private static final long serialVersionUID = 1L;

        private final String tag;

        public Derived(String tag) {
            this.tag = tag;
        }

        @Override
        public String describe() {
            return "derived " + tag;
        }

        public Supplier<String> viaSuper() {
            return super::describe;
        }

        public Supplier<String> viaThis() {
            return this::describe;
        }
    }
}
