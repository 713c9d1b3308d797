package dev.ferry.it.hazelcast;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.hazelcast.member.ClusterMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One test cluster from start to end: its members start, each a forked JVM ({@link ClusterMember}) joining the others
 * by TCP/IP on 127.0.0.1; once all have printed {@code READY} (so the cluster is whole), one client program runs to
 * its end; then the members stop. The cluster has a name and ports of its own (free ports, a random name), so that
 * clusters of other tests and other builds on the machine never meet it, and every JVM is destroyed on the way out,
 * whatever failed.
 *
 * <p>Every JVM runs with {@code -Dhazelcast.logging.type=none} (Hazelcast logs its first lines before it reads any
 * configuration), {@code -XX:TieredStopAtLevel=1} and, on JDK 24 and later,
 * {@code --sun-misc-unsafe-memory-access=allow}, and checks nothing on stderr itself: the ITs assert silence in a test
 * of their own, so that a stray line fails that test and not every test sharing the cluster.
 */
final class TestCluster {

    /** Three JVMs starting at once on two busy cores, and Hazelcast's join. */
    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    private TestCluster() {
    }

    /**
     * Runs {@code clientMain CLUSTER member-1=127.0.0.1:PORT,...} with {@code -javaagent:ferry-agent.jar=
     * clientOptions} on {@code clientJdk} against the members, and returns what every JVM did.
     */
    static ClusterRun run(List<MemberSpec> members, Jdk clientJdk, String clientOptions, Class<?> clientMain,
            Path directory) {
        String cluster = "ferry-it-" + HexFormat.of().formatHex(randomBytes(6));
        List<String> addresses = freePorts(members.size()).stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.toList());
        String memberClassPath = HazelcastClassPaths.member(directory.resolve(cluster));
        List<ForkedJvm.Running> running = new ArrayList<>();
        try {
            for (int i = 0; i < members.size(); i++) {
                running.add(member(members.get(i), cluster, addresses.get(i), addresses, memberClassPath).start());
            }
            running.forEach(member -> member.awaitLine(ClusterMember.READY));
            List<String> named = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                named.add(members.get(i).name() + "=" + addresses.get(i));
            }
            JvmRun client = quiet(ForkedJvm.on(clientJdk).withFerry(clientOptions), clientJdk)
                    .classPath(HazelcastClassPaths.client())
                    .main(clientMain, cluster, String.join(",", named)).run();
            List<JvmRun> stopped = running.stream().map(ForkedJvm.Running::stop).collect(Collectors.toList());
            return new ClusterRun(client, stopped);
        } finally {
            running.forEach(ForkedJvm.Running::close);
        }
    }

    private static ForkedJvm member(MemberSpec spec, String cluster, String address, List<String> addresses,
            String classPath) {
        ForkedJvm jvm = quiet(ForkedJvm.on(spec.jdk()).withFerry(spec.ferryOptions().isEmpty() ? null
                : spec.ferryOptions()), spec.jdk()).classPath(classPath);
        String port = address.substring(address.indexOf(':') + 1);
        String joined = String.join(",", addresses);
        return spec.filter() == null ? jvm.main(ClusterMember.class, cluster, spec.name(), port, joined)
                : jvm.main(ClusterMember.class, cluster, spec.name(), port, joined, spec.filter().allowed(),
                        spec.filter().rejected());
    }

    private static ForkedJvm quiet(ForkedJvm jvm, Jdk jdk) {
        jvm.systemProperty("hazelcast.logging.type", "none").checkingStderrItself().timeout(TIMEOUT)
                // these JVMs live for seconds: C2 would spend half of a member's start-up CPU compiling
                .jvmOption("-XX:TieredStopAtLevel=1");
        if (jdk.feature() >= 24) {
            // Hazelcast uses sun.misc.Unsafe's memory access, about which JDK 24 and later warn on stderr, with or
            // without Ferry; allowing it keeps stderr for what the silence tests look for
            jvm.jvmOption("--sun-misc-unsafe-memory-access=allow");
        }
        return jvm;
    }

    /** Distinct free loopback ports, held open together so that none is handed out twice. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket that never served anything
                }
            }
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
