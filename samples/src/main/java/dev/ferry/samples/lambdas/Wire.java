package dev.ferry.samples.lambdas;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;

/**
 * Frames on the driver–worker connection: a length, then that many bytes of one plain {@code ObjectOutputStream}.
 *
 * <p>Why frames instead of one long object stream: each task gets a fresh {@code ObjectOutputStream} and
 * {@code ObjectInputStream}, so a task that fails to read leaves the connection in a known state and the next task
 * still runs; and the driver can print how many bytes each task took.
 */
final class Wire {

    /** The length that means "no more tasks" (a serialized object is never empty). */
    private static final int STOP = 0;

    /** The largest frame either side accepts; far more than any task of the demo needs. */
    private static final int MAX_FRAME = 16 << 20;

    private Wire() {
    }

    /** Sends one frame. */
    static void send(DataOutputStream out, byte[] frame) throws IOException {
        if (frame.length == STOP) {
            throw new IllegalArgumentException("empty frame");
        }
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    /** Tells the other side there is nothing more to come. */
    static void sendStop(DataOutputStream out) throws IOException {
        out.writeInt(STOP);
        out.flush();
    }

    /**
     * Receives one frame.
     *
     * @return the frame's bytes, or {@code null} if the other side sent {@link #sendStop stop}
     * @throws java.io.EOFException if the connection closed instead
     */
    static byte[] receive(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == STOP) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new StreamCorruptedException("frame length " + length + " is outside 1.." + MAX_FRAME);
        }
        return in.readNBytes(length);
    }
}
