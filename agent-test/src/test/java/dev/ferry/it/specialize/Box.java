package dev.ferry.it.specialize;

import java.io.Serializable;

/**
 * A template: one value of type {@code T}. The classes applications use are its specializations, subclasses a
 * {@link TemplateSpecializer} generates per type argument. Its state is private, and "set to null" differs from "never
 * set"; the constructor and {@link #put} count as {@link Validations}, which deserialization must never run. Members
 * are public because a specialization may be defined in a class loader of its own (another run-time package).
 */
public abstract class Box<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private T value;
    private boolean set;

    protected Box() {
        Validations.ran();
    }

    public final Box<T> put(T newValue) {
        Validations.ran();
        this.value = newValue;
        this.set = true;
        return this;
    }

    public final T get() {
        return value;
    }

    public final boolean isSet() {
        return set;
    }

    /** The specialization's type as its generator rendered it: {@code dev.ferry.it.specialize.Box<java.lang.Long>}. */
    public abstract String typeName();
}
