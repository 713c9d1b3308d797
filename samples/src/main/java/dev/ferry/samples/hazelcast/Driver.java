package dev.ferry.samples.hazelcast;

import dev.ferry.samples.hazelcast.client.ClusterClient;
import dev.ferry.samples.process.JavaProcess;
import dev.ferry.samples.process.WorkerJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The Hazelcast demo's entry point: starts a cluster of three stock Hazelcast members, each in a JVM of its own
 * whose class path holds Hazelcast and a generator library but nothing of the client, then a
 * {@link ClusterClient} JVM that sends them its plain lambdas and classes, and stops the members afterwards.
 *
 * <p>Ferry's part is two agent arguments: the members run with {@code -javaagent:ferry-agent.jar=keyFile=KEY}, the
 * client with {@code -javaagent:ferry-agent.jar=keyFile=KEY,byValue=dev.ferry.samples.hazelcast.client} (its own
 * package travels by value, signed with the key the members share). The key is made for the run, in a temporary
 * directory that is deleted at the end.
 *
 * <pre>
 * java -cp samples/target/classes:hazelcast.jar:byte-buddy.jar dev.ferry.samples.hazelcast.Driver ferry-agent.jar
 * </pre>
 *
 * The driver itself runs without the agent: it only starts JVMs. It exits 0 only if the client's jobs all matched
 * and the members stopped. Every wait has a time limit, and the members are killed if anything goes wrong.
 */
public final class Driver {

    /** The client's package: what travels by value. */
    private static final String CLIENT_PACKAGE = ClusterClient.class.getPackageName();
    /** Starting the members, joining them, and eight round trips, on a busy 2-core machine. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(150);

    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = WorkerJvm.agentJarArgument(args, Driver.class);
        System.out.println(); // a blank line after the previous demo's table
        System.out.println("Ferry demo: Hazelcast members in separate JVMs run a client's plain lambdas and classes"
                + " they never had (Java " + Runtime.version().feature() + ")");
        Path work = Files.createTempDirectory("ferry-hazelcast-demo");
        boolean ok;
        try {
            ok = run(agentJar, work);
        } finally {
            deleteRecursively(work);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(Path agentJar, Path work) throws IOException, InterruptedException {
        Path key = newKey(work.resolve("ferry.key"));
        Path config = copyResource("member.yaml", work.resolve("member.yaml"));
        String memberClassPath = MemberClassPath.build(work.resolve("member-library"));
        String cluster = "ferry-demo-" + HexFormat.of().formatHex(randomBytes(6));
        String agent = "-javaagent:" + agentJar;
        System.out.println("  members: " + MemberJvms.COUNT + " stock Hazelcast members, each a JVM with"
                + " -javaagent:ferry-agent.jar=keyFile=KEY and the class path");
        System.out.println("           " + MemberClassPath.describe(memberClassPath)
                + " (the models library): nothing of the client");
        System.out.println("  client:  a HazelcastClient JVM with -javaagent:ferry-agent.jar=keyFile=KEY,byValue="
                + CLIENT_PACKAGE);
        System.out.println("starting " + MemberJvms.COUNT + " Hazelcast members and the client...");
        try (MemberJvms members = MemberJvms.start(withClusterOptions(agent + "=keyFile=" + key), config,
                memberClassPath, cluster)) {
            // the client starts at once and waits for the members to join: the two start-ups overlap
            Process client = JavaProcess.builder(
                            withClusterOptions(agent + "=keyFile=" + key + ",byValue=" + CLIENT_PACKAGE),
                            JavaProcess.classPathWithout(agentJar), ClusterClient.class, cluster,
                            String.join(",", members.addresses()))
                    .inheritIO().start();
            OptionalInt clientExit;
            try {
                clientExit = JavaProcess.awaitExit(client, CLIENT_TIMEOUT);
            } finally {
                client.destroyForcibly();
            }
            String stopped = members.stop();
            String clientEnd = clientExit.isEmpty() ? "the client did not finish within "
                    + CLIENT_TIMEOUT.toSeconds() + " s and was killed"
                    : clientExit.getAsInt() == 0 ? "the client disconnected" : "the client exited with code "
                    + clientExit.getAsInt();
            System.out.println(capitalized(clientEnd) + "; " + stopped + ".");
            return clientExit.isPresent() && clientExit.getAsInt() == 0 && stopped.endsWith("stopped");
        }
    }

    /** The agent option, then what every JVM of the demo's cluster runs with. */
    private static List<String> withClusterOptions(String agentOption) {
        List<String> options = new ArrayList<>(List.of(agentOption,
                // Hazelcast logs its first lines before it reads its configuration file
                "-Dhazelcast.logging.type=none",
                // JVMs that live for seconds: C2 would spend about half of a member's start-up CPU compiling
                "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 24) {
            // Hazelcast uses sun.misc.Unsafe's memory access, about which JDK 24 and later warn on stderr
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** A fresh key, readable by its owner only: what {@code head -c 32 /dev/urandom > ferry.key} makes. */
    private static Path newKey(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.write(file, randomBytes(32));
    }

    private static Path copyResource(String name, Path target) throws IOException {
        try (InputStream in = Driver.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing next to " + Driver.class.getName());
            }
            Files.copy(in, target);
        }
        return target;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
