package dev.ferry.it.byvalue;

import java.io.Serializable;

/** A class-path holder of a {@code Class} object, which may be the class of a generated object. */
public class ClassHolder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<?> type;

    public ClassHolder(Class<?> type) {
        this.type = type;
    }

    public Class<?> type() {
        return type;
    }
}
