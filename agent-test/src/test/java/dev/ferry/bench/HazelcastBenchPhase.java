package dev.ferry.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code hazelcast} phase of {@link BenchSuite}: round trips of a small task through {@code submitToMember} of a
 * real cluster (three member JVMs joined over loopback, one client JVM, {@link HazelcastRoundTripBench}).
 *
 * <p>Rows: the Ferry lambda against the same task written by hand as a {@code Serializable} class, side by side in
 * the same cluster, every JVM with the agent (target ≥ 0.9×; the ratio is the mean of the per-repetition ratios, ±
 * its 95% interval); and, as information, the hand-written task in that cluster against a cluster without the agent
 * (what the agent costs Hazelcast's own traffic). About 5 minutes (20 s in {@code --quick}).
 */
final class HazelcastBenchPhase {

    private static final String MEMBER_MAIN = "dev.ferry.it.hazelcast.member.ClusterMember";
    private static final int MEMBERS = 3;
    private static final Pattern REPETITION = Pattern.compile(
            "repetition=(\\d+)(?: lambda=([0-9.]+))? class=([0-9.]+)");
    /** Two-sided 95% Student t quantiles for 1 to 9 degrees of freedom. */
    private static final double[] T95 = {12.71, 4.30, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26};
    private static final String NA = "n/a";

    private final BenchSuite suite;
    private final int warmupSeconds;
    private final int windowSeconds;
    private final int repetitions;

    HazelcastBenchPhase(BenchSuite suite) {
        this.suite = suite;
        this.warmupSeconds = suite.quick() ? 2 : 10;
        this.windowSeconds = suite.quick() ? 2 : 10;
        this.repetitions = suite.quick() ? 2 : 5;
    }

    /** Calls per second of each repetition. */
    private record Rates(List<Double> lambda, List<Double> hand) {
    }

    void run() throws IOException, InterruptedException {
        Rates withFerry = suite.ferry() ? cluster("ferry", suite.agentArgument(), "both") : null;
        Rates withoutFerry = cluster("baseline", null, "class");
        suite.details().append("\n## Hazelcast round trips (calls/s per repetition of ").append(windowSeconds)
                .append(" s, after ").append(warmupSeconds).append(" s of warm-up per task)\n\n");
        if (withFerry != null) {
            suite.details().append("- cluster with Ferry, lambda: ").append(withFerry.lambda).append('\n')
                    .append("- cluster with Ferry, hand-written class: ").append(withFerry.hand).append('\n');
        }
        suite.details().append("- cluster without Ferry, hand-written class: ").append(withoutFerry.hand)
                .append("\n\nThe lambda and the class alternate in one cluster; the cluster without Ferry runs after the"
                        + " one with it, so drift of the machine between the two enters the second row.\n");

        String ratio = NA;
        String met = NA;
        if (withFerry != null) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < withFerry.lambda.size(); i++) {
                ratios.add(withFerry.lambda.get(i) / withFerry.hand.get(i));
            }
            Stats r = Stats.of(ratios);
            double halfWidth = halfWidth95(r);
            ratio = String.format(Locale.ROOT, "%.2f× ±%.2f", r.mean(), halfWidth);
            boolean noisy = r.mean() - halfWidth <= 0.9 && 0.9 <= r.mean() + halfWidth;
            met = (r.mean() >= 0.9 ? "yes" : "**no**") + (noisy ? " (within noise)" : "");
        }
        suite.row("Hazelcast: submitToMember round trip, Ferry lambda vs hand-written Serializable task, same cluster"
                + " (calls/s)", withFerry == null ? NA : rate(withFerry.lambda),
                withFerry == null ? NA : rate(withFerry.hand), ratio, "≥ 0.9×", met);
        String overhead = NA;
        if (withFerry != null) {
            Stats with = Stats.of(withFerry.hand);
            Stats without = Stats.of(withoutFerry.hand);
            double r = with.mean() / without.mean();
            double relative = Math.hypot(halfWidth95(with) / with.mean(), halfWidth95(without) / without.mean());
            overhead = String.format(Locale.ROOT, "%.2f× ±%.2f", r, r * relative);
        }
        suite.row("Hazelcast: hand-written task, cluster with Ferry vs cluster without (calls/s)",
                withFerry == null ? NA : rate(withFerry.hand), rate(withoutFerry.hand), overhead, "information",
                "info");
    }

    /** Starts a cluster, runs the client in {@code mode}, stops the cluster; {@code agent} null for no agent. */
    private Rates cluster(String variant, String agent, String mode) throws IOException, InterruptedException {
        String cluster = "ferry-bench-" + variant + "-" + ProcessHandle.current().pid();
        List<String> addresses = freePorts().stream().map(port -> "127.0.0.1:" + port).collect(Collectors.toList());
        BenchSuite.progress("hazelcast: " + (agent == null ? "without" : "with") + " the agent, starting " + MEMBERS
                + " members, then " + (mode.equals("both") ? 2 * warmupSeconds + 2 * repetitions * windowSeconds
                : warmupSeconds + repetitions * windowSeconds) + " s of round trips");
        List<MemberProcess> members = new ArrayList<>();
        try {
            for (int i = 0; i < MEMBERS; i++) {
                String port = addresses.get(i).substring(addresses.get(i).indexOf(':') + 1);
                members.add(MemberProcess.start(command(agent, MEMBER_MAIN, cluster, "member-" + (i + 1), port,
                        String.join(",", addresses)), suite.out().resolve("hazelcast-" + variant + "-member-"
                        + (i + 1) + ".log")));
            }
            for (MemberProcess member : members) {
                member.awaitReady();
            }
            Path stdout = suite.out().resolve("hazelcast-" + variant + "-client.out");
            Path stderr = suite.out().resolve("hazelcast-" + variant + "-client.err");
            List<String> client = command(agent, HazelcastRoundTripBench.class.getName(), cluster,
                    String.join(",", addresses), mode, String.valueOf(warmupSeconds), String.valueOf(windowSeconds),
                    String.valueOf(repetitions));
            int exit = suite.runJava(client.subList(1, client.size()), stdout, stderr);
            Rates rates = parse(Files.readAllLines(stdout));
            if (exit != 0 || rates.hand.size() != repetitions) {
                throw new IllegalStateException("the Hazelcast bench client (" + variant + ") exited " + exit + ": "
                        + BenchSuite.escape(BenchSuite.firstLines(Files.readString(stderr), 4)) + " (see " + stderr
                        + ")");
            }
            for (MemberProcess member : members) {
                member.stop();
            }
            return rates;
        } finally {
            members.forEach(MemberProcess::kill);
        }
    }

    /** What every JVM running Hazelcast in the benchmarks runs with: silent, and no warning of its own on JDK 24+. */
    static List<String> hazelcastOptions() {
        List<String> options = new ArrayList<>(List.of("-Dhazelcast.logging.type=none"));
        if (Runtime.version().feature() >= 24) {
            // Hazelcast's sun.misc.Unsafe memory access, about which JDK 24 and later warn
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** {@code java [agent] ... -cp <this class path without agent jars> main args}. */
    private static List<String> command(String agent, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agent != null) {
            command.add(agent);
        }
        command.addAll(hazelcastOptions());
        command.add("-cp");
        // the test class path lists ferry-agent (provided scope, for dev.ferry.api) from the local repository, which
        // may be another build's: only the -javaagent jar may bring Ferry
        command.add(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("ferry-agent"))
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(main);
        command.addAll(List.of(args));
        return command;
    }

    private static Rates parse(List<String> lines) {
        List<Double> lambda = new ArrayList<>();
        List<Double> hand = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = REPETITION.matcher(line);
            if (matcher.matches()) {
                if (matcher.group(2) != null) {
                    lambda.add(Double.parseDouble(matcher.group(2)));
                }
                hand.add(Double.parseDouble(matcher.group(3)));
            }
        }
        return new Rates(lambda, hand);
    }

    private static double halfWidth95(Stats s) {
        return s.n() < 2 ? Double.NaN : T95[Math.min(s.n() - 2, T95.length - 1)] * s.sd() / Math.sqrt(s.n());
    }

    private static String rate(List<Double> values) {
        Stats s = Stats.of(values);
        return String.format(Locale.ROOT, "%,.0f ±%,.0f sd", s.mean(), s.sd());
    }

    /** Distinct free loopback ports, held open together so that none is handed out twice. */
    private static List<Integer> freePorts() throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MEMBERS; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).collect(Collectors.toList());
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A member JVM: its output goes to a log; it prints READY once the cluster is whole, and stops at end of input. */
    private static final class MemberProcess {

        private static final long TIMEOUT_SECONDS = 120;

        private final Process process;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();

        private MemberProcess(Process process, Path log) {
            this.process = process;
            Thread reader = new Thread(() -> copy(log), "hazelcast-bench-member-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        static MemberProcess start(List<String> command, Path log) throws IOException {
            return new MemberProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        }

        /** Copies the member's output to its log, and signals READY. */
        private void copy(Path log) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                    out.flush();
                    if (line.equals("READY")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            // no effect once READY came
            ready.completeExceptionally(new IllegalStateException("a member ended before it was ready (see " + log
                    + ")"));
        }

        void awaitReady() throws InterruptedException {
            try {
                ready.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("a member was not ready within " + TIMEOUT_SECONDS + " s");
            }
        }

        /** Closes its input, which stops it, and waits. */
        void stop() throws IOException, InterruptedException {
            process.getOutputStream().close();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void kill() {
            process.destroyForcibly();
        }
    }
}
