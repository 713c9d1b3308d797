package dev.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code firstread} phase of {@link BenchSuite}: what the first lambda of a call site costs ({@link FirstReads}),
 * per call site, over a corpus of classes with one call site each. Rows: Ferry's first read of a call site's lambda
 * (the reader defines the call site's wire class) against the JDK's link of the same lambda in a JVM without the
 * agent; the link with the agent against without (Ferry's link asks the JDK for a serializable lambda). The details
 * give the repeated read of the same streams, whose classes are then defined: first read minus repeated read is what
 * defining a wire class costs.
 */
final class FirstReadBenchPhase {

    private static final String NA = "n/a";

    private final BenchSuite suite;

    FirstReadBenchPhase(BenchSuite suite) {
        this.suite = suite;
    }

    void run() throws IOException, InterruptedException {
        int warmup = suite.quick() ? 100 : 300;
        int count = warmup + (suite.quick() ? 200 : 1000);
        int timed = count - warmup;
        int warm = suite.quick() ? 1 : 2;
        int runs = suite.quick() ? 3 : 10;
        String classPath = suite.testClasses() + File.pathSeparator + suite.corpus();
        String main = FirstReads.class.getName();

        BenchSuite.progress("first capture (link) of " + timed + " call sites: " + warm + " warm-up + " + runs
                + " runs per variant");
        Map<String, List<Double>> links = suite.timeRuns("firstread-link",
                List.of("-cp", classPath, main, "link", Integer.toString(count), Integer.toString(warmup)), warm,
                runs, (variant, exit, stdout) -> perSite(stdout, "linkNanos=", timed));
        BenchSuite.Timings link = BenchSuite.Timings.of(links, false, 0);

        Stats first = null;
        Stats repeat = null;
        if (suite.ferry()) {
            Path streams = suite.out().resolve("firstread-streams.bin");
            Path log = suite.out().resolve("firstread-write.log");
            BenchSuite.progress("writing " + count + " lambdas, one per call site");
            int exit = suite.runJava(List.of(suite.agentArgument(), "-cp", classPath, main, "write",
                    streams.toString(), Integer.toString(count)), log, log);
            if (exit != 0) {
                throw new IllegalStateException("writing the lambdas exited " + exit + ": "
                        + BenchSuite.escape(BenchSuite.firstLines(Files.readString(log), 4)));
            }
            BenchSuite.progress("first read of " + timed + " call sites: " + warm + " warm-up + " + runs + " runs");
            List<Double> firstReads = new ArrayList<>();
            List<Double> repeatReads = new ArrayList<>();
            Path stdout = suite.out().resolve("firstread-read.out");
            Path stderr = suite.out().resolve("firstread-read.err");
            for (int round = 0; round < warm + runs; round++) {
                exit = suite.runJava(List.of(suite.agentArgument(), "-cp", classPath, main, "read",
                        streams.toString(), Integer.toString(count), Integer.toString(warmup)), stdout, stderr);
                String output = Files.readString(stdout);
                if (exit != 0) {
                    throw new IllegalStateException("reading the lambdas exited " + exit + ": "
                            + BenchSuite.escape(BenchSuite.firstLines(Files.readString(stderr), 4)));
                }
                if (round >= warm) {
                    firstReads.add(perSite(output, "firstReadNanos=", timed));
                    repeatReads.add(perSite(output, "repeatReadNanos=", timed));
                }
            }
            first = Stats.of(firstReads);
            repeat = Stats.of(repeatReads);
        }

        String ratio = first == null ? NA : String.format(Locale.ROOT, "%.2f×", first.mean() / link.base.mean());
        suite.row("first lambda of a call site: Ferry's first read (defines its wire class) vs the JDK's link of the"
                + " same lambda without the agent (µs/site, " + timed + " sites)", BenchSuite.us(first), BenchSuite.us(link.base), ratio,
                "report", "info");
        String linkRatio = link.with == null ? NA : String.format(Locale.ROOT, "%.2f× (%+.2f µs ±%.2f)",
                link.with.mean() / link.base.mean(), link.diff, link.halfWidth);
        suite.row("first capture of a lambda (the JDK's link), with Ferry vs without (µs/site, " + timed + " sites)",
                BenchSuite.us(link.with), BenchSuite.us(link.base), linkRatio, "information", "info");

        StringBuilder details = suite.details();
        details.append("\n## First lambda of a call site (µs per call site, per JVM)\n\n").append(timed)
                .append(" call sites timed after ").append(warmup).append(" untimed ones, every class loaded and"
                        + " initialized before; ").append(runs).append(" JVMs per variant.\n\n");
        details.append(String.format(Locale.ROOT, "- JDK link, no agent: %s%n- JDK link, with Ferry: %s%n",
                describe(link.base), describe(link.with)));
        details.append(String.format(Locale.ROOT, "- Ferry first read (readObject, defines the wire class): %s%n"
                + "- Ferry repeated read of the same streams (wire classes defined): %s%n", describe(first),
                describe(repeat)));
    }

    private static double perSite(String stdout, String key, int sites) {
        for (String line : stdout.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip()) / 1000.0 / sites;
            }
        }
        throw new IllegalStateException(FirstReads.class.getSimpleName() + " printed no " + key + ": "
                + BenchSuite.escape(BenchSuite.firstLines(stdout, 3)));
    }

    private static String describe(Stats s) {
        return s == null ? NA : String.format(Locale.ROOT, "mean %.2f, sd %.2f, median %.2f, min %.2f, max %.2f, n %d",
                s.mean(), s.sd(), s.median(), s.min(), s.max(), s.n());
    }
}
