package dev.ferry.it.jmx;

import java.io.Serializable;

/** A class-path class the watched application subclasses with Byte Buddy. */
public class Watched implements Serializable {

    private static final long serialVersionUID = 1L;

    public String name() {
        return "watched";
    }
}
