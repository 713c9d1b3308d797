package dev.ferry.samples.hazelcast;

import com.hazelcast.core.server.HazelcastMemberStarter;
import dev.ferry.samples.process.JavaProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The cluster's members: stock Hazelcast members ({@link HazelcastMemberStarter}, configured by {@code member.yaml}),
 * each in a JVM of its own with {@code -javaagent:ferry-agent.jar=keyFile=KEY}, on free loopback ports. Closing kills
 * any member still running, so the demo leaves no JVM behind.
 */
final class MemberJvms implements AutoCloseable {

    static final int COUNT = 3;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final List<Process> processes;
    private final List<String> addresses;

    private MemberJvms(List<Process> processes, List<String> addresses) {
        this.processes = processes;
        this.addresses = addresses;
    }

    /**
     * Starts the members; they join each other over TCP/IP on 127.0.0.1 while the caller goes on.
     *
     * @param jvmOptions the agent and the options every JVM of the demo's cluster gets ({@link Driver})
     */
    static MemberJvms start(List<String> jvmOptions, Path config, String classPath, String cluster)
            throws IOException {
        List<String> addresses = freePorts().stream().map(port -> "127.0.0.1:" + port).toList();
        List<Process> processes = new ArrayList<>();
        try {
            for (String address : addresses) {
                List<String> options = new ArrayList<>(jvmOptions);
                options.addAll(List.of("-Dhazelcast.config=" + config,
                        "-Ddemo.cluster=" + cluster,
                        "-Ddemo.port=" + address.substring(address.indexOf(':') + 1),
                        "-Ddemo.members=" + String.join(",", addresses)));
                processes.add(JavaProcess.builder(options, classPath, HazelcastMemberStarter.class).inheritIO()
                        .start());
            }
        } catch (IOException | RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
        return new MemberJvms(processes, addresses);
    }

    /** {@code 127.0.0.1:PORT}, member 1 first. */
    List<String> addresses() {
        return addresses;
    }

    /**
     * Stops the members as an operator stops a stock member, with SIGTERM (Hazelcast's shutdown hook then shuts it
     * down), and waits for them.
     *
     * @return how they ended, for the demo's last line
     */
    String stop() throws InterruptedException {
        processes.forEach(Process::destroy);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            OptionalInt exit = JavaProcess.awaitExit(processes.get(i), STOP_TIMEOUT);
            if (exit.isEmpty()) {
                problems.add("member " + (i + 1) + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s and was killed");
            }
        }
        return problems.isEmpty() ? "the " + COUNT + " members stopped" : String.join("; ", problems);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** Distinct free ports, held open together so that none is handed out twice. */
    private static List<Integer> freePorts() throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < COUNT; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).collect(Collectors.toList());
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
