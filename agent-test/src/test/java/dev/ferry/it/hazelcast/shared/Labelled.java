package dev.ferry.it.hazelcast.shared;

import java.io.Serializable;

/**
 * A class on every member's class path whose subclasses the client generates at run time with Byte Buddy: the
 * members know this class, never the generated subclass.
 */
public class Labelled implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String sender;

    public Labelled(String sender) {
        this.sender = sender;
    }

    /** Generated subclasses override it. */
    public String label() {
        return "from " + sender;
    }
}
