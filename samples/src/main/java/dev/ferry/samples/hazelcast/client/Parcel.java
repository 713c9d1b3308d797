package dev.ferry.samples.hazelcast.client;

import java.io.Serializable;

/**
 * A parcel with a label. The client does not store parcels of this class but of subclasses it generates at run time
 * with Byte Buddy ({@link Parcels}), which exist in the client's JVM only.
 */
public class Parcel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String sender;

    public Parcel(String sender) {
        this.sender = sender;
    }

    /** What the label says; generated subclasses override it. */
    public String label() {
        return "from " + sender;
    }

    protected String sender() {
        return sender;
    }
}
