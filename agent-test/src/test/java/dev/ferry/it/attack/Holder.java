package dev.ferry.it.attack;

import java.io.Serializable;

/** An ordinary class-path object with a payload field: what a refused descriptor nests in first. */
public final class Holder implements Serializable {

    private static final long serialVersionUID = 1L;

    final String label;
    final Object payload;

    Holder(String label, Object payload) {
        this.label = label;
        this.payload = payload;
    }
}
