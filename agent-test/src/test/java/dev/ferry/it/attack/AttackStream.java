package dev.ferry.it.attack;

import java.nio.file.Path;
import java.util.Locale;

/** The legitimate streams {@link AttackWriter} writes (one file per {@link Nesting}), and what reading one gives. */
public enum AttackStream {
    /** {@code Lambdas.adder(41)}. */
    LAMBDA("applyAsInt(1)=42"),
    /** {@code Lambdas.loop("ring")}: a lambda capturing the object that holds it. */
    CYCLIC_LAMBDA("loop(ring) closed"),
    /** {@link Shipped}: a class by value with a linked class and static state. */
    BY_VALUE(Shipped.DESCRIPTION),
    /** {@code Box<Integer>} holding 42. */
    SPECIALIZATION("dev.ferry.it.specialize.Box<java.lang.Integer>{set Integer 42, note=spec}"),
    /** {@code Box<Runnable>} never set: only the recipe names {@code Runnable}. */
    SPECIALIZATION_OF_RUNNABLE("dev.ferry.it.specialize.Box<java.lang.Runnable>{unset null, note=filtered}"),
    /** Four boxes, four new classes, other ones in each nesting ({@link AttackWriter#MANY}). */
    MANY_SPECIALIZATIONS(null),
    /** {@code Box<Short>}, {@code Box<Long>}. */
    TWO_SPECIALIZATIONS("collection[dev.ferry.it.specialize.Box<java.lang.Short>{unset null, note=two},"
            + " dev.ferry.it.specialize.Box<java.lang.Long>{unset null, note=two}]"),
    /** {@code Box<Byte>}, {@code Box<Object>}. */
    TWO_OTHER_SPECIALIZATIONS(null),
    /** {@code Pair<Box<Byte>, Crate<Byte>>}: the crate's generator is registered in the writer only. */
    KNOWN_BESIDE_UNKNOWN_SPECIALIZATION(null),
    /** A {@code PriorityQueue} ordered by {@code Scheduler.byName("attacker-chosen")}, whose body runs the canary. */
    GADGET("queue[a, b]");

    private final String expected;

    AttackStream(String expected) {
        this.expected = expected;
    }

    /** What {@link AttackReader} says of the payload read back; null for streams no test reads whole. */
    public String expected() {
        return expected;
    }

    public Path file(Path directory, Nesting nesting) {
        return directory.resolve(name().toLowerCase(Locale.ROOT) + "-" + nesting.label() + ".ser");
    }
}
