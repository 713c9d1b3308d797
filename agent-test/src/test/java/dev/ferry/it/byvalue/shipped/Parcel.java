package dev.ferry.it.byvalue.shipped;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A class on the class path of both JVMs, in the package the {@code byValue} option names: Ferry ships it by value
 * anyway. It implements a JDK interface so that the reader can use the materialized class without naming it.
 */
public class Parcel implements Supplier<String>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String contents;

    public Parcel(String contents) {
        this.contents = contents;
    }

    @Override
    public String get() {
        return "parcel of " + contents;
    }
}
