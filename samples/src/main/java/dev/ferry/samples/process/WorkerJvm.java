package dev.ferry.samples.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The driver's end of a worker JVM: starts it with the Ferry agent, waits for it to connect over the loopback
 * address, exchanges {@link Wire} frames with it, and waits for it to stop. Every wait has a time limit, so a demo
 * cannot hang; closing kills a worker that is still running.
 */
public final class WorkerJvm implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    private final ServerSocket server;
    private final Process process;
    private Socket socket;
    private DataOutputStream out;
    private DataInputStream in;

    private WorkerJvm(ServerSocket server, Process process) {
        this.server = server;
        this.process = process;
    }

    /**
     * The agent jar named by a driver's only argument, made absolute. Exits the JVM with 2 if there is no such
     * argument or no such file.
     */
    public static Path agentJarArgument(String[] args, Class<?> driver) {
        if (args.length != 1) {
            System.err.println("usage: java -javaagent:<ferry-agent.jar> -cp <class path> " + driver.getName()
                    + " <ferry-agent.jar>");
            System.exit(2);
        }
        Path agentJar = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(agentJar)) {
            System.err.println("Ferry agent jar not found: " + agentJar
                    + " (build it with: mvn -B -q -DskipTests package)");
            System.exit(2);
        }
        return agentJar;
    }

    /**
     * Starts {@code java -javaagent:<agentJar> -cp <this class path> <workerMain> <port>}; the worker's standard
     * output and error are this JVM's. Call {@link #connect} next.
     */
    public static WorkerJvm start(Path agentJar, Class<?> workerMain) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            Process process = JavaProcess.builder(List.of("-javaagent:" + agentJar),
                            JavaProcess.classPathWithout(agentJar), workerMain,
                            String.valueOf(server.getLocalPort()))
                    .inheritIO()
                    .start();
            return new WorkerJvm(server, process);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Waits for the worker to connect, giving up early if it exits first. */
    public void connect() throws IOException {
        server.setSoTimeout(250);
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (socket == null) {
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    throw new IOException("the worker exited with code " + process.exitValue() + " before connecting");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the worker did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
        }
        socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends one request frame and returns the worker's reply frame. */
    public byte[] exchange(byte[] request) throws IOException {
        Wire.send(out, request);
        byte[] reply = Wire.receive(in);
        if (reply == null) {
            throw new StreamCorruptedException("the worker said stop instead of answering");
        }
        return reply;
    }

    /** Tells the worker there is nothing more to come; it then exits. */
    public void sendStop() throws IOException {
        Wire.sendStop(out);
    }

    /**
     * Waits for the worker to exit, killing it if it does not in time.
     *
     * @return how it ended, for the demo's last line: {@code "stopped cleanly"}, or what went wrong
     */
    public Exit awaitExit() throws InterruptedException {
        OptionalInt exit = JavaProcess.awaitExit(process, EXIT_TIMEOUT);
        if (exit.isEmpty()) {
            return new Exit(false, "did not exit within " + EXIT_TIMEOUT.toSeconds() + " s and was killed");
        }
        return exit.getAsInt() == 0 ? new Exit(true, "stopped cleanly")
                : new Exit(false, "exited with code " + exit.getAsInt());
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            if (socket != null) {
                socket.close();
            }
        } finally {
            server.close();
        }
    }

    /**
     * How the worker ended.
     *
     * @param clean       whether it exited with code 0 when asked to
     * @param description as printed after "the worker"
     */
    public record Exit(boolean clean, String description) {
    }
}
