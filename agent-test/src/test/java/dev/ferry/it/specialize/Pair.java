package dev.ferry.it.specialize;

import java.io.Serializable;

/** A two-parameter template: as {@link Box}, with two private values set together. */
public abstract class Pair<A, B> implements Serializable {

    private static final long serialVersionUID = 1L;

    private A first;
    private B second;

    protected Pair() {
        Validations.ran();
    }

    public final Pair<A, B> put(A newFirst, B newSecond) {
        Validations.ran();
        this.first = newFirst;
        this.second = newSecond;
        return this;
    }

    public final A first() {
        return first;
    }

    public final B second() {
        return second;
    }

    /** As {@link Box#typeName()}. */
    public abstract String typeName();
}
