package dev.ferry.bench;

import dev.ferry.bench.BenchSuite.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The {@code byvalue} phase of {@link BenchSuite}: objects of generated classes, shipped by value with a fresh random
 * key ({@code keyFile=}, deleted after the phase). Rows: the warm-registry round trip against the same shape of an
 * ordinary class, one and {@value GeneratedClassRoundTripBench#PER_STREAM} objects per stream
 * ({@link GeneratedClassRoundTripBench}; baselines in a fork without the agent; target ≥ 0.9×); the latency of a new
 * class's first round trip and of its materialization alone ({@link FirstMaterializationBench}, sampled, reported as
 * p50 / p90 / mean); the cold first round trip in a fresh JVM and the bytes per stream ({@link ByValueSizes}, run
 * several times, which also checks that Ferry ships by value before any fork is started).
 */
final class ByValueBenchPhase {

    private static final String WARM = GeneratedClassRoundTripBench.class.getName();
    private static final String FIRST = FirstMaterializationBench.class.getName();
    private static final int PER_STREAM = GeneratedClassRoundTripBench.PER_STREAM;
    private static final String NA = "n/a";

    private final BenchSuite suite;

    ByValueBenchPhase(BenchSuite suite) {
        this.suite = suite;
    }

    /**
     * Sampled latencies of one benchmark, µs; per fork, the mean of each measurement iteration in order; whether in
     * some fork the last iteration's mean was over 1.5 times the first's (latency grew as classes accumulated).
     */
    private record Latency(double mean, double error, double p50, double p90, double p99, long n,
            List<List<Double>> iterations, boolean grew) {
        static Latency of(RunResult result) {
            Statistics s = result.getPrimaryResult().getStatistics();
            List<List<Double>> iterations = new ArrayList<>();
            boolean grew = false;
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                List<Double> means = new ArrayList<>();
                for (IterationResult iteration : fork.getIterationResults()) {
                    means.add(iteration.getPrimaryResult().getScore());
                }
                grew |= means.size() > 1 && means.get(means.size() - 1) > 1.5 * means.get(0);
                iterations.add(means);
            }
            return new Latency(s.getMean(), result.getPrimaryResult().getScoreError(), s.getPercentile(50),
                    s.getPercentile(90), s.getPercentile(99), s.getN(), iterations, grew);
        }

        /** The iteration means, µs, forks separated by "; ". */
        String iterationMeans() {
            return iterations.stream().map(fork -> fork.stream().map(m -> String.format(Locale.ROOT, "%.0f", m))
                    .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.0f / p90 %.0f / mean %.0f%s", p50, p90, mean,
                    BenchSuite.error("%.0f", error));
        }
    }

    void run() throws IOException, InterruptedException {
        Path key = Files.createTempFile("ferry-bench-", ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.write(key, random);
            measure(suite.ferry() ? suite.agentArgument("keyFile=" + key) : null);
        } finally {
            Files.deleteIfExists(key);
        }
    }

    private void measure(String agent) throws IOException, InterruptedException {
        List<Map<String, Long>> programs = agent == null ? List.of() : runSizes(agent, suite.quick() ? 2 : 5);
        String ferry = programs.isEmpty() ? null : agent;
        suite.details().append("\n## Generated classes by value\n");
        warm(ferry);
        first(ferry);
        programRows(programs);
    }

    /** The warm-registry round trip, against the same shape of an ordinary class. */
    private void warm(String ferry) {
        Map<String, Score> base = suite.jmh("byvalue-warm-baseline", WARM + "\\.ordinary\\w*$", 2, null);
        Map<String, Score> with = ferry == null ? Map.of() : suite.jmh("byvalue-warm-ferry", WARM + "\\.", 4, ferry);
        suite.row(BenchSuite.throughputRow("by value, warm registry: generated-class object vs same-shape ordinary"
                + " object, 1 per stream (ops/s)", with.get(WARM + ".generatedObject"),
                base.get(WARM + ".ordinaryObject"), 0.9, true));
        suite.row(BenchSuite.throughputRow("by value, warm registry: the same, " + PER_STREAM + " objects per stream"
                + " (ops/s)", with.get(WARM + ".generatedObjects"), base.get(WARM + ".ordinaryObjects"), 0.9, true));
        suite.row(BenchSuite.throughputRow("by value: ordinary object, agent fork with key vs no agent, 1 per stream"
                + " (ops/s)", with.get(WARM + ".ordinaryObject"), base.get(WARM + ".ordinaryObject"), 0, false));
        suite.details().append("\nWarm registry (JMH score ± 99.9% error):\n\n")
                .append("| benchmark | fork | score | error | unit |\n|---|---|---|---|---|\n");
        suite.appendScores("baseline", base);
        suite.appendScores("ferry + key", with);
    }

    /** The first round trip, and the first read, of classes new to the JVM. */
    private void first(String ferry) {
        Map<String, Latency> first = new LinkedHashMap<>();
        latencies(first, "baseline", suite.jmhResults("byvalue-first-baseline",
                FIRST + "\\.firstWriteAndReadWithoutFerry$", 1, null));
        if (ferry != null) {
            latencies(first, "ferry", suite.jmhResults("byvalue-first-ferry", FIRST + "\\.first(WriteAndRead|Read)$",
                    2, ferry));
        }
        Latency writeAndRead = first.get("ferry firstWriteAndRead");
        Latency withoutFerry = first.get("baseline firstWriteAndReadWithoutFerry");
        String ratio = NA;
        if (writeAndRead != null && withoutFerry != null) {
            ratio = String.format(Locale.ROOT, "%+.0f µs at p50 (%.1f×)", writeAndRead.p50 - withoutFerry.p50,
                    writeAndRead.p50 / withoutFerry.p50);
        }
        suite.row("by value, first round trip of a new generated class: write + read vs the JDK's first use of a new"
                + " class (µs)", text(writeAndRead), text(withoutFerry), ratio, "report", "info");
        suite.row("by value, first materialization: the read alone (µs)", text(first.get("ferry firstRead")),
                "no baseline", NA, "report", "info");
        first.forEach((name, latency) -> {
            if (latency.grew) {
                suite.note("by value: the latency of " + name + " grew over the measurement iterations (means per"
                        + " iteration: " + latency.iterationMeans() + " µs) as materialized classes accumulated: it"
                        + " depends on how many classes the JVM holds");
            }
        });
        suite.details().append("\nFirst round trips of new generated classes, sampled (µs; every sample a class new"
                + " to the JVM, so the classes accumulate over the iterations until class unloading):\n\n")
                .append("| benchmark | n | mean | error | p50 | p90 | p99 | iteration means |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        first.forEach((name, l) -> suite.details().append(String.format(Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", name, l.n, l.mean, l.error, l.p50, l.p90,
                l.p99, l.iterationMeans())));
    }

    /** The cold first round trips and the stream sizes {@link ByValueSizes} printed. */
    private void programRows(List<Map<String, Long>> programs) {
        List<Double> coldGenerated = values(programs, "coldGeneratedMicros");
        List<Double> coldOrdinary = values(programs, "coldOrdinaryMicros");
        Stats with = coldGenerated.isEmpty() ? null : Stats.of(coldGenerated);
        Stats without = coldOrdinary.isEmpty() ? null : Stats.of(coldOrdinary);
        String ratio = with == null || without == null ? NA : String.format(Locale.ROOT, "%+.0f µs", with.mean()
                - without.mean());
        suite.row("by value, first round trip in a fresh JVM: generated vs ordinary object (µs, mean of "
                + programs.size() + " JVMs)", micros(with), micros(without), ratio, "report", "info");
        Map<String, Long> sizes = programs.isEmpty() ? Map.of() : programs.get(0);
        suite.row(BenchSuite.bytesRow("by value: bytes per stream, 1 object: generated (recipe included) vs ordinary",
                integer(sizes.get("generated1")), integer(sizes.get("ordinary1")), "information", -1));
        suite.row(BenchSuite.bytesRow("by value: bytes per stream, " + PER_STREAM + " objects: generated vs ordinary",
                integer(sizes.get("generated" + PER_STREAM)), integer(sizes.get("ordinary" + PER_STREAM)),
                "information", -1));
        suite.details().append("\n").append(ByValueSizes.class.getSimpleName()).append(" per JVM (bytes, µs):\n\n");
        programs.forEach(values -> suite.details().append("- ").append(values).append('\n'));
    }

    /** Runs {@link ByValueSizes} {@code runs} times; an empty list (and a note) if any run fails. */
    private List<Map<String, Long>> runSizes(String agent, int runs) throws IOException, InterruptedException {
        BenchSuite.progress("by value: " + ByValueSizes.class.getSimpleName() + " in " + runs + " fresh JVMs");
        String classPath = System.getProperty("java.class.path");
        List<Map<String, Long>> programs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path log = suite.out().resolve("byvalue-sizes-" + i + ".log");
            int exit = suite.runJava(List.of(agent, "-cp", classPath, ByValueSizes.class.getName()), log, log);
            Map<String, Long> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(log)) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(eq + 1).matches("\\d+")) {
                    values.put(line.substring(0, eq), Long.valueOf(line.substring(eq + 1)));
                }
            }
            if (exit != 0 || !values.containsKey("coldGeneratedMicros")) {
                suite.note("**by value not measured with Ferry**: with " + BenchSuite.escape(agent) + " "
                        + ByValueSizes.class.getSimpleName() + " exited " + exit + ": "
                        + BenchSuite.escape(BenchSuite.firstLines(Files.readString(log), 4)) + " (see " + log + ")");
                return List.of();
            }
            programs.add(values);
        }
        return programs;
    }

    private static void latencies(Map<String, Latency> into, String fork, Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            into.put(fork + " " + benchmark.substring(benchmark.lastIndexOf('.') + 1), Latency.of(result));
        }
    }

    private static List<Double> values(List<Map<String, Long>> programs, String name) {
        List<Double> values = new ArrayList<>();
        programs.forEach(p -> values.add(p.get(name).doubleValue()));
        return values;
    }

    private static String text(Latency latency) {
        return latency == null ? NA : latency.toString();
    }

    private static String micros(Stats s) {
        return s == null ? NA : String.format(Locale.ROOT, "%.0f ±%.0f sd", s.mean(), s.sd());
    }

    private static Integer integer(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
