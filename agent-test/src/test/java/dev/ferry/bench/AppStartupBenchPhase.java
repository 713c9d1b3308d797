package dev.ferry.bench;

import dev.ferry.bench.apps.HazelcastMemberStart;
import dev.ferry.bench.apps.MeasuredMain;
import dev.ferry.bench.apps.spring.SpringBootStart;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code apps} phase of {@link BenchSuite}: the start-up of real applications with and without the agent, in
 * paired processes (alternating, as every process phase): a Hazelcast member that starts, puts one entry and shuts
 * down ({@link HazelcastMemberStart}), and a Spring Boot application that starts its context and closes it
 * ({@link SpringBootStart}). Each run is wrapped in {@link MeasuredMain}, which reports the process's CPU time and
 * peak RSS at the end of {@code main}; the wall time is the whole process's. Targets: ≤ 1.10× wall and CPU,
 * ≤ +10 MB peak RSS. About 4 minutes (30 s in {@code --quick}).
 */
final class AppStartupBenchPhase {

    private static final Pattern MEASURED = Pattern.compile("cpuMs=(-?\\d+) peakRssKb=(-?\\d+)");
    private static final String NA = "n/a";

    private final BenchSuite suite;

    AppStartupBenchPhase(BenchSuite suite) {
        this.suite = suite;
    }

    void run() throws IOException, InterruptedException {
        int warm = suite.quick() ? 1 : 2;
        int runs = suite.quick() ? 3 : 12;
        app("a Hazelcast member: start, one put, shut down", "apps-hazelcast", HazelcastBenchPhase.hazelcastOptions(),
                classPath("hazelcast"), HazelcastMemberStart.class, "put=ok", warm, runs);
        app("a Spring Boot application: start its context, close it", "apps-spring", List.of(),
                classPath("spring", "micrometer", "snakeyaml"), SpringBootStart.class, "context=ok", warm, runs);
    }

    private void app(String what, String name, List<String> jvmOptions, String classPath, Class<?> main,
            String expected, int warm, int runs) throws IOException, InterruptedException {
        BenchSuite.progress("start-up of " + what + ": " + warm + " warm-up + " + runs + " runs per variant");
        List<String> args = new ArrayList<>(jvmOptions);
        args.addAll(List.of("-cp", classPath, MeasuredMain.class.getName(), main.getName()));
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        Map<String, List<Double>> wall = suite.timeRuns(name, args, warm, runs, (variant, exit, stdout) -> {
            Matcher measured = MEASURED.matcher(stdout);
            if (!stdout.contains(expected) || !measured.find()) {
                throw new IllegalStateException(main.getSimpleName() + " (" + variant + ") printed "
                        + BenchSuite.escape(BenchSuite.firstLines(stdout, 3)));
            }
            // every run is recorded, warm-up included; the warm-up runs are dropped below
            cpu.computeIfAbsent(variant, v -> new ArrayList<>()).add(Double.parseDouble(measured.group(1)));
            rss.computeIfAbsent(variant, v -> new ArrayList<>()).add(Double.parseDouble(measured.group(2)) / 1024);
            return Double.NaN;
        });
        dropWarmUp(cpu, warm);
        dropWarmUp(rss, warm);
        ratioRow("start-up of " + what + ": wall (ms)", wall, "≤ 1.10×", 1.10);
        ratioRow("start-up of " + what + ": CPU (ms)", cpu, "≤ 1.10×", 1.10);
        diffRow("start-up of " + what + ": peak RSS (MB)", rss);
        StringBuilder details = suite.details().append("\n## Start-up of ").append(what).append("\n\n");
        for (String variant : wall.keySet()) {
            details.append(String.format(Locale.ROOT, "- %s: wall %s ms, CPU %s ms, peak RSS %s MB%n", variant,
                    summary(wall.get(variant)), summary(cpu.get(variant)), summary(rss.get(variant))));
        }
    }

    /** The class path of one application: the benchmark's own classes and the jars whose names hold a word. */
    private String classPath(String... jarWords) {
        List<String> entries = new ArrayList<>(List.of(suite.testClasses().toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            for (String word : jarWords) {
                if (file.endsWith(".jar") && file.startsWith(word) || file.contains("-" + word)) {
                    entries.add(entry);
                    break;
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void dropWarmUp(Map<String, List<Double>> values, int warm) {
        for (List<Double> list : values.values()) {
            list.subList(0, Math.min(warm, list.size())).clear();
        }
    }

    private void ratioRow(String metric, Map<String, List<Double>> values, String target, double max) {
        Stats base = Stats.of(values.get("baseline"));
        Stats with = values.containsKey("ferry") ? Stats.of(values.get("ferry")) : null;
        if (with == null) {
            suite.row(metric, NA, BenchSuite.ms(base), NA, target, NA);
            return;
        }
        double ratio = with.mean() / base.mean();
        // the ratio's interval from the difference's: (base + diff ± hw) / base
        double halfWidth = Stats.diffHalfWidth95(with, base) / base.mean();
        suite.row(metric, BenchSuite.ms(with), BenchSuite.ms(base),
                String.format(Locale.ROOT, "%.2f× ±%.2f", ratio, halfWidth), target,
                BenchSuite.verdict(ratio <= max, ratio, halfWidth, max));
    }

    private void diffRow(String metric, Map<String, List<Double>> values) {
        Stats base = Stats.of(values.get("baseline"));
        Stats with = values.containsKey("ferry") ? Stats.of(values.get("ferry")) : null;
        if (with == null || base.mean() < 0) {
            suite.row(metric, NA, BenchSuite.ms(base), NA, "≤ +10 MB", NA);
            return;
        }
        double diff = with.mean() - base.mean();
        double halfWidth = Stats.diffHalfWidth95(with, base);
        suite.row(metric, BenchSuite.ms(with), BenchSuite.ms(base),
                String.format(Locale.ROOT, "%+.1f MB ±%.1f", diff, halfWidth), "≤ +10 MB",
                BenchSuite.verdict(diff <= 10, diff, halfWidth, 10));
    }

    private static String summary(List<Double> values) {
        Stats s = Stats.of(values);
        return String.format(Locale.ROOT, "mean %.1f, sd %.1f, median %.1f, n %d", s.mean(), s.sd(), s.median(),
                s.n());
    }
}
