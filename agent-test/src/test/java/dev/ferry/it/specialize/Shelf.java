package dev.ferry.it.specialize;

import java.io.Serializable;

/**
 * An ordinary class-path object whose fields hold specializations: an instance (possibly one that refers back to the
 * shelf, a cycle), a {@code Class}, an array.
 */
public final class Shelf implements Serializable {

    private static final long serialVersionUID = 1L;

    private Object item;
    private Class<?> kind;
    private Object[] items;

    public Object item() {
        return item;
    }

    public Shelf item(Object newItem) {
        this.item = newItem;
        return this;
    }

    public Class<?> kind() {
        return kind;
    }

    public Shelf kind(Class<?> newKind) {
        this.kind = newKind;
        return this;
    }

    public Object[] items() {
        return items;
    }

    public Shelf items(Object... newItems) {
        this.items = newItems;
        return this;
    }
}
