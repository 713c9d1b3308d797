package dev.ferry.samples.process;

import java.io.Serializable;

/**
 * A worker's answer to a request that failed there: what went wrong, as text. The worker carries on with the next
 * request; the driver prints the description under the request's row.
 */
public record Failure(String description) implements Serializable {

    /** A failure of {@code what}, whose stack trace is printed on this JVM's stderr first. */
    public static Failure reported(String what, Throwable e) {
        System.err.print("worker: " + what + ": ");
        e.printStackTrace();
        return new Failure(what + ": " + e);
    }
}
