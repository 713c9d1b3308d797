package dev.ferry.samples.lambdas;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The other JVM: reads lambdas with a plain {@link ObjectInputStream}, runs them, and answers.
 *
 * <p>The {@link Driver} starts it as {@code java -javaagent:ferry-agent.jar ... Worker <port>}. It connects to the
 * driver on the loopback address, then for every frame reads a job and its input, runs the job with {@link Runner},
 * and writes the result back with a plain {@link ObjectOutputStream}. A task that fails is answered with a
 * {@link Failure} and its stack trace goes to stderr; the worker then carries on with the next task. It prints nothing
 * when all goes well, and exits 0 only when the driver says stop.
 */
public final class Worker {

    /** How long the worker waits to connect, and then for each next task; the driver is always quicker. */
    private static final int TIMEOUT_MILLIS = 60_000;

    /** The answer to a task that failed in the worker: what went wrong, as text. */
    record Failure(String description) implements Serializable {
    }

    private Worker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Worker <driver port on 127.0.0.1>");
            System.exit(2);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])),
                    TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (byte[] task = Wire.receive(in); task != null; task = Wire.receive(in)) {
                Wire.send(out, answer(task));
            }
        } catch (EOFException e) {
            System.err.println("worker: the driver closed the connection without saying stop");
            System.exit(3);
        }
    }

    /** Reads one task (a job, then its input), runs it, and returns the serialized result or {@link Failure}. */
    private static byte[] answer(byte[] task) throws IOException {
        Object result;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(task))) {
            Object job = objects.readObject();
            Object input = objects.readObject();
            result = Runner.run(job, input);
        } catch (Exception | LinkageError e) {
            System.err.print("worker: task failed: ");
            e.printStackTrace();
            result = new Failure(e.toString());
        }
        try {
            return serialize(result);
        } catch (IOException | RuntimeException e) {
            System.err.print("worker: could not write the result: ");
            e.printStackTrace();
            return serialize(new Failure("could not write the result: " + e));
        }
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
