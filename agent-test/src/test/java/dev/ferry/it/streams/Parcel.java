package dev.ferry.it.streams;

import java.io.Serializable;

/** The class-path superclass of the generated classes that travel by value through streams of all kinds. */
public abstract class Parcel implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract String label();
}
