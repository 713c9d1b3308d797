package dev.ferry.samples.process;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Frames on the driver–worker connection: a length, then that many bytes of one plain {@code ObjectOutputStream}.
 *
 * <p>Why frames instead of one long object stream: each exchange gets a fresh {@code ObjectOutputStream} and
 * {@code ObjectInputStream}, so one that fails to read leaves the connection in a known state and the next one still
 * runs; and the driver can print how many bytes each took. {@link WorkerJvm} is the driver's end, {@link #serve} the
 * worker's.
 */
public final class Wire {

    /** The length that means "no more requests" (a serialized object is never empty). */
    private static final int STOP = 0;

    /** The largest frame either side accepts; far more than any demo needs. */
    private static final int MAX_FRAME = 16 << 20;

    /** How long a worker waits to connect, and then for each next request; the driver is always quicker. */
    private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(60);

    /** A worker's answer to one request frame. */
    @FunctionalInterface
    public interface Responder {

        /** The reply frame; a request that fails should be answered with a {@link Failure}, not thrown. */
        byte[] answer(byte[] request) throws IOException;
    }

    private Wire() {
    }

    /** The frame of {@code objects}, written in order with one plain {@link ObjectOutputStream}. */
    public static byte[] frameOf(Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object object : objects) {
                out.writeObject(object);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The reply frame of a worker's {@code result}; if it cannot be written, the stack trace goes to stderr and the
     * reply is a {@link Failure} saying so.
     */
    public static byte[] replyOf(Object result) throws IOException {
        try {
            return frameOf(result);
        } catch (IOException | RuntimeException e) {
            return frameOf(Failure.reported("could not write the result", e));
        }
    }

    /**
     * A worker's main loop: {@code args} is the driver's port on the loopback address; connects there and answers
     * every frame with {@code responder} until the driver says stop. Exits the JVM with 2 on wrong arguments and with
     * 3 if the driver closes the connection without saying stop.
     */
    public static void serve(String[] args, Class<?> worker, Responder responder) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + worker.getName() + " <driver port on 127.0.0.1>");
            System.exit(2);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])),
                    (int) WORKER_TIMEOUT.toMillis());
            socket.setSoTimeout((int) WORKER_TIMEOUT.toMillis());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (byte[] request = receive(in); request != null; request = receive(in)) {
                send(out, responder.answer(request));
            }
        } catch (EOFException e) {
            System.err.println("worker: the driver closed the connection without saying stop");
            System.exit(3);
        }
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
     * @throws EOFException if the connection closed instead
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
