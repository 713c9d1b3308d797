package dev.ferry.it.forgery;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * An {@code ObjectOutputStream} that puts a forged Ferry lambda annotation (a legitimate call site's head and hash) on
 * the descriptor of one ordinary class: what an attacker who read one legitimate stream can write for any class the
 * reader has.
 */
final class AnnotationForger extends ObjectOutputStream {

    private final Class<?> dressedUp;
    private final byte[] callSite;

    /** @param callSite the annotation's bytes from its head through the hash, copied from a legitimate stream */
    AnnotationForger(OutputStream out, Class<?> dressedUp, byte[] callSite) throws IOException {
        super(out);
        this.dressedUp = dressedUp;
        this.callSite = callSite.clone();
    }

    @Override
    protected void annotateClass(Class<?> type) throws IOException {
        if (type == dressedUp) {
            write(callSite);
        }
    }
}
