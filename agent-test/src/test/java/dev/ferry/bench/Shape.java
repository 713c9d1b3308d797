package dev.ferry.bench;

import java.io.Serializable;

/**
 * The class-path superclass of the by-value benchmarks' objects: {@link PlainSquare} (an ordinary class) and the
 * {@code BuddySquare} classes {@link GeneratedShapes} makes at run time, which have the same single {@code int} field.
 * Its member is public because a class materialized in another class loader is in another run-time package.
 */
public abstract class Shape implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value of the subclass's one {@code int} field. */
    public abstract int size();
}
