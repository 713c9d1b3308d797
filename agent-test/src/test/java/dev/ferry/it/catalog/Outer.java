package dev.ferry.it.catalog;

import java.io.Serializable;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Lambdas declared in nested, inner, anonymous and local classes. */
public final class Outer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;

    public Outer(String name) {
        this.name = name;
    }

    /** A static nested class. */
    public static final class Nested {
        private Nested() {
        }

        public static IntUnaryOperator multiplier(int k) {
            return x -> x * k;
        }
    }

    /** An inner class: its lambda reads fields of both the inner and the outer instance. */
    public final class Inner implements Serializable {
        private static final long serialVersionUID = 1L;

        private final int depth;

        public Inner(int depth) {
            this.depth = depth;
        }

        public Supplier<String> describer() {
            return () -> name + "/inner" + depth;
        }
    }

    /** A base for the anonymous class that captures itself. */
    public abstract static class Counter implements Serializable {
        private static final long serialVersionUID = 1L;

        protected int start = 5;

        public abstract IntSupplier next();
    }

    /** The lambda sits in an anonymous class ({@code Outer$1}) and captures only a value. */
    public static IntSupplier fromAnonymousClass(int x) {
        Function<Integer, IntSupplier> factory = new Function<>() {
            @Override
            public IntSupplier apply(Integer value) {
                return () -> value * 2;
            }
        };
        return factory.apply(x);
    }

    /** The lambda sits in a serializable anonymous class and captures that anonymous instance. */
    public static IntSupplier fromSerializableAnonymousClass() {
        Counter counter = new Counter() {
            private static final long serialVersionUID = 1L;

            @Override
            public IntSupplier next() {
                return () -> start * 3;
            }
        };
        return counter.next();
    }

    /** The lambda sits in a local class and captures the local instance. */
    public static IntUnaryOperator fromLocalClass(int k) {
        final class Local implements Serializable {
            private static final long serialVersionUID = 1L;

            private final int factor;

            Local(int factor) {
                this.factor = factor;
            }

            IntUnaryOperator operator() {
                return x -> x * factor + 1;
            }
        }
        return new Local(k).operator();
    }

    public Inner inner(int depth) {
        return new Inner(depth);
    }
}
