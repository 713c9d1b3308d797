package dev.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every Ferry benchmark side by side, with and without the agent, and prints one summary table (also written to
 * {@code summary.md} in the output directory). Started by {@code agent-test/bench/run-benchmarks.sh}, which builds and
 * supplies the class path; this JVM itself must run WITHOUT the agent (JMH forks inherit its JVM arguments).
 *
 * <pre>
 * BenchSuite --agent JAR [--agent-opts OPTS] [--agent-origin PATH] --out DIR [--quick] [--forks N]
 *            [--only jmh,sizes,firstread,startup,classes,byvalue,specializations,hazelcast]
 * </pre>
 *
 * <p>Phases: {@code jmh} (host overhead {@link LambdaHostBench}, round trip {@link RoundTripBench}, calling a read
 * lambda {@link ReadLambdaInvokeBench}; JSON results {@code jmh-*.json}, logs {@code jmh-*.log}), {@code sizes}
 * ({@link SerialSizes}), {@code firstread} (the first lambda of a call site, {@link FirstReadBenchPhase}),
 * {@code apps} (a Hazelcast member's and a Spring Boot application's start-up, {@link AppStartupBenchPhase}),
 * {@code startup} (hello world
 * start-up, {@link Hello}), {@code classes} (per-class cost with {@link ClassCorpus} and {@link CorpusLoader}),
 * {@code byvalue} (generated classes shipped by value, {@link ByValueBenchPhase}), {@code hazelcast} (round trips
 * through a Hazelcast cluster, {@link HazelcastBenchPhase}). If the agent jar is missing or Ferry
 * is not active with it ({@link AgentProbe}), only the baselines are measured and every Ferry cell reads {@code n/a}.
 */
public final class BenchSuite {

    private static final String HOST = LambdaHostBench.class.getName();
    private static final String TRIP = RoundTripBench.class.getName();
    private static final String INVOKE = ReadLambdaInvokeBench.class.getName();
    private static final String NA = "n/a";

    private final Path agentJar;
    private final String agentOptions;
    private final Path out;
    private final boolean quick;
    private final Set<String> phases;
    private final Path testClasses;
    private final String javaCommand;
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private final List<String[]> rows = new ArrayList<>();
    private String agentProblem;
    private String load = NA;
    /** Where the agent jar was copied from (the script runs a snapshot, so that a rebuild cannot change it mid-run). */
    private String agentOrigin;
    /** JMH forks per benchmark and variant: more forks average out JVM-to-JVM differences, at a linear cost. */
    private int forks = 1;

    private BenchSuite(Path agentJar, String agentOptions, Path out, boolean quick, Set<String> phases)
            throws URISyntaxException {
        this.agentJar = agentJar;
        this.agentOptions = agentOptions;
        this.out = out;
        this.quick = quick;
        this.phases = phases;
        this.testClasses = Path.of(BenchSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        this.javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void main(String[] args) throws Exception {
        Path agent = null;
        String agentOptions = "";
        String agentOrigin = null;
        Path out = Path.of("agent-test/target/bench");
        boolean quick = false;
        int forks = 1;
        Set<String> phases = new LinkedHashSet<>(List.of("jmh", "sizes", "firstread", "startup", "classes",
                "byvalue", "specializations", "hazelcast", "apps"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = Path.of(args[++i]).toAbsolutePath();
                case "--agent-opts" -> agentOptions = args[++i];
                case "--agent-origin" -> agentOrigin = args[++i];
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--quick" -> quick = true;
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--only" -> phases = new LinkedHashSet<>(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: --agent JAR [--agent-opts OPTS] [--agent-origin PATH] --out DIR [--quick]"
                        + " [--forks N]"
                        + " [--only jmh,sizes,firstread,startup,classes,byvalue,specializations,hazelcast,apps])");
            }
        }
        Files.createDirectories(out);
        BenchSuite suite = new BenchSuite(agent, agentOptions, out, quick, phases);
        suite.agentOrigin = agentOrigin;
        suite.forks = forks;
        suite.run();
    }

    private void run() throws Exception {
        String busyBefore = otherCpuUse();
        if (busyBefore != null) {
            progress("warning: " + busyBefore + " before the run: numbers will be noisy");
        }
        CpuMonitor monitor = CpuMonitor.start();
        agentProblem = probeAgent();
        if (agentProblem != null) {
            notes.add("**Ferry not measured**: " + agentProblem
                    + ". Only the baselines were run; Ferry cells read n/a.");
        }
        phase("jmh", this::jmh);
        phase("sizes", this::sizes);
        phase("firstread", () -> new FirstReadBenchPhase(this).run());
        phase("startup", this::startup);
        phase("classes", this::classes);
        phase("byvalue", () -> new ByValueBenchPhase(this).run());
        phase("specializations", this::specializations);
        phase("hazelcast", () -> new HazelcastBenchPhase(this).run());
        phase("apps", () -> new AppStartupBenchPhase(this).run());
        String busyDuring = monitor == null ? null : monitor.stop();
        if (busyBefore != null || busyDuring != null) {
            notes.add("other work competed with the benchmarks (" + (busyBefore == null ? "" : busyBefore
                    + " before the run") + (busyBefore != null && busyDuring != null ? "; " : "")
                    + (busyDuring == null ? "" : busyDuring) + "): the numbers are noisy; rerun on a quiet machine");
        }
        load = String.format(Locale.ROOT, "1-minute load average %.2f at the end", loadAverage());
        report();
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase if it was asked for; a failing phase is reported in the notes and does not stop the others. */
    private void phase(String name, Phase phase) {
        if (!phases.contains(name)) {
            return;
        }
        try {
            // results of an earlier run of this phase must not be mistaken for this run's
            try (var files = Files.list(out)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file) && file.getFileName().toString().startsWith(name + "-")) {
                        Files.delete(file);
                    }
                }
            }
            phase.run();
        } catch (Exception e) {
            progress("phase " + name + " failed: " + e);
            notes.add("phase " + name + " failed: " + escape(String.valueOf(e)));
        }
    }

    // ---------------------------------------------------------------------------------------------------- the agent

    boolean ferry() {
        return agentProblem == null;
    }

    /** The {@code -javaagent} argument with the agent options of the run. */
    String agentArgument() {
        return "-javaagent:" + agentJar + (agentOptions.isEmpty() ? "" : "=" + agentOptions);
    }

    // ------------------------------------------------------------------------------- what a phase class may use

    Path out() {
        return out;
    }

    boolean quick() {
        return quick;
    }

    void note(String note) {
        notes.add(note);
    }

    /** Adds a row to the summary table: metric, with Ferry, without / baseline, ratio, target, met. */
    void row(String... cells) {
        rows.add(cells);
    }

    /** The details section of {@code summary.md}, below the table and the notes. */
    StringBuilder details() {
        return details;
    }

    /** The {@code -javaagent} argument with {@code option} (such as {@code keyFile=PATH}) after the agent options. */
    String agentArgument(String option) {
        return "-javaagent:" + agentJar + "=" + (agentOptions.isEmpty() ? "" : agentOptions + ",") + option;
    }

    private String probeAgent() throws IOException, InterruptedException {
        if (agentJar == null) {
            return "no agent jar given (--agent)";
        }
        if (!Files.isRegularFile(agentJar)) {
            return "agent jar " + agentJar + " not found (the agent module builds it: mvn -B -q -DskipTests package)";
        }
        progress("probing the agent: " + agentArgument());
        Path log = out.resolve("agent-probe.log");
        int exit = runJava(List.of(agentArgument(), "-cp", testClasses.toString(), AgentProbe.class.getName()),
                log, log);
        String output = Files.readString(log).strip();
        if (exit == 0 && output.equals("ferry-active")) {
            return null;
        }
        if (exit == 0) {
            notes.add("the agent printed to the console of a program that did not ask it to: "
                    + escape(firstLines(output, 3)));
            return output.contains("ferry-active") ? null : "unexpected probe output: " + escape(firstLines(output, 3));
        }
        return "with " + agentArgument() + " the probe " + AgentProbe.class.getSimpleName() + " exited " + exit + ": "
                + escape(firstLines(output, 4));
    }

    // ---------------------------------------------------------------------------------------------------------- JMH

    record Score(double score, double error, String unit) {
    }

    private void jmh() {
        Map<String, Score> hostBase = jmh("jmh-host-baseline", HOST + "\\.", 6, null);
        Map<String, Score> hostFerry = ferry() ? jmh("jmh-host-ferry", HOST + "\\.", 6, agentArgument()) : Map.of();
        Map<String, Score> tripBase = jmh("jmh-roundtrip-baseline",
                TRIP + "\\.(jdkSerializableLambda|plainObject)$", 2, null);
        Map<String, Score> tripFerry = ferry() ? jmh("jmh-roundtrip-ferry", TRIP + "\\.", 3, agentArgument())
                : Map.of();

        Map<String, Score> invoke = ferry() ? jmh("jmh-invoke-ferry", INVOKE + "\\.", 6, agentArgument())
                : Map.of();

        String[][] host = {
            {"nonCapturing", "non-capturing lambda"},
            {"capturingIntAndObject", "lambda capturing int + object"},
            {"capturingEscaping", "same lambda, escaping (allocated)"},
            {"methodRefStatic", "static method reference"},
            {"methodRefBound", "bound method reference"},
            {"invokeStored", "invoke a stored lambda (invocation only)"},
        };
        for (String[] h : host) {
            Score with = hostFerry.get(HOST + "." + h[0]);
            Score without = hostBase.get(HOST + "." + h[0]);
            String ratio = NA;
            String met = NA;
            if (with != null && without != null) {
                double r = with.score / without.score;
                ratio = String.format(Locale.ROOT, "%.3f", r) + error("%.3f", r * relativeError(with, without));
                met = verdict(r <= 1.02, r, r * relativeError(with, without), 1.02);
            }
            rows.add(new String[] {"capture + invoke: " + h[1] + " (ns/op)", ns(with), ns(without), ratio, "≤ 1.02",
                met});
        }

        String[][] shapes = {
            {"scaled", "IntUnaryOperator x -> x * k + 1"},
            {"length", "Function<String, Integer> s -> s.length() + k"},
            {"threeCaptures", "IntUnaryOperator capturing int, long, String"},
        };
        for (String[] shape : shapes) {
            Score read = invoke.get(INVOKE + "." + shape[0] + "Read");
            Score local = invoke.get(INVOKE + "." + shape[0] + "Local");
            String ratio = NA;
            String met = NA;
            if (read != null && local != null) {
                double r = read.score / local.score;
                double halfWidth = r * relativeError(read, local);
                ratio = String.format(Locale.ROOT, "%.3f", r) + error("%.3f", halfWidth);
                met = verdict(r <= 1.10, r, halfWidth, 1.10);
            }
            rows.add(new String[] {"invoke a read lambda vs the same lambda made locally, one JVM with Ferry: "
                + shape[1] + " (ns/op)", ns(read), ns(local), ratio, "≤ 1.10", met});
        }

        Score ferry = tripFerry.get(TRIP + ".ferryLambda");
        Score jdk = tripBase.get(TRIP + ".jdkSerializableLambda");
        Score plain = tripBase.get(TRIP + ".plainObject");
        rows.add(throughputRow("round trip: Ferry lambda vs JDK serializable lambda (ops/s)", ferry, jdk, 4.0, true));
        rows.add(throughputRow("round trip: Ferry lambda vs plain one-int object (ops/s)", ferry, plain, 0.85, true));
        rows.add(throughputRow("round trip: JDK serializable lambda, agent fork vs no agent (ops/s)",
                tripFerry.get(TRIP + ".jdkSerializableLambda"), jdk, 0, false));
        rows.add(throughputRow("round trip: plain one-int object, agent fork vs no agent (ops/s)",
                tripFerry.get(TRIP + ".plainObject"), plain, 0, false));

        details.append("\n## JMH scores (score ± 99.9% error)\n\n")
                .append("| benchmark | fork | score | error | unit |\n|---|---|---|---|---|\n");
        appendScores("baseline", hostBase);
        appendScores("ferry", hostFerry);
        appendScores("baseline", tripBase);
        appendScores("ferry", tripFerry);
        appendScores("ferry", invoke);
    }

    /**
     * The {@code specializations} phase: objects of a generated specialization against the same shape of an ordinary
     * class ({@link SpecializationRoundTripBench}), with the agent and no key, the ordinary ones also without the agent.
     */
    private void specializations() {
        String bench = SpecializationRoundTripBench.class.getName();
        String ordinary = GeneratedClassRoundTripBench.class.getName();
        int perStream = SpecializationRoundTripBench.PER_STREAM;
        Map<String, Score> base = jmh("specializations-baseline", ordinary + "\\.ordinary\\w*$", 2, null);
        Map<String, Score> with = ferry() ? jmh("specializations-ferry", bench + "\\.", 2, agentArgument())
                : Map.of();
        rows.add(throughputRow("specializations: specialized object vs same-shape ordinary object, 1 per stream"
                + " (ops/s)", with.get(bench + ".specializedObject"), base.get(ordinary + ".ordinaryObject"), 0,
                false));
        rows.add(throughputRow("specializations: the same, " + perStream + " objects per stream (ops/s)",
                with.get(bench + ".specializedObjects"), base.get(ordinary + ".ordinaryObjects"), 0, false));
        details.append("\n## Specializations\n\n| benchmark | fork | score | error | unit |\n|---|---|---|---|---|\n");
        appendScores("baseline", base);
        appendScores("ferry", with);
    }

    /** Primary scores by benchmark name; see {@link #jmhResults}. */
    Map<String, Score> jmh(String name, String include, int expected, String agent) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult result : jmhResults(name, include, expected, agent)) {
            Result<?> primary = result.getPrimaryResult();
            scores.put(result.getParams().getBenchmark(),
                    new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return scores;
    }

    /**
     * Runs the benchmarks matching {@code include}, with the {@code -javaagent} argument {@code agent} or, if null,
     * without the agent; {@code name} names the result ({@code name.json}) and log files. A failure is noted, not
     * thrown: the results are then missing.
     */
    Collection<RunResult> jmhResults(String name, String include, int expected, String agent) {
        Path log = out.resolve(name + ".log");
        progress("JMH " + name + " (log: " + log + ")");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(forks)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(name + ".json").toString())
                .output(log.toString());
        if (agent != null) {
            options.jvmArgsAppend(agent, "-D" + AgentProbe.VARIANT_PROPERTY + "=ferry");
        } else {
            options.jvmArgsAppend("-D" + AgentProbe.VARIANT_PROPERTY + "=baseline");
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException | RuntimeException e) {
            notes.add("JMH " + name + " failed: " + escape(String.valueOf(e)) + " (see " + log + ")");
            return List.of();
        }
        if (results.size() < expected) {
            notes.add("JMH " + name + ": " + results.size() + " of " + expected
                    + " benchmarks produced results (a failing one is reported in " + log + ")");
        }
        return results;
    }

    static String[] throughputRow(String metric, Score with, Score without, double target, boolean targeted) {
        String ratio = NA;
        String met = targeted ? NA : "info";
        if (with != null && without != null) {
            double r = with.score / without.score;
            ratio = String.format(Locale.ROOT, "%.2f×", r) + error("%.2f", r * relativeError(with, without));
            if (targeted) {
                met = verdict(r >= target, r, r * relativeError(with, without), target);
            }
        }
        String targetText = targeted ? String.format(Locale.ROOT, "≥ %s×", trim(target)) : "information";
        return new String[] {metric, ops(with), ops(without), ratio, targetText, met};
    }

    /** Relative error of a ratio of two scores (NaN if JMH gave no error). */
    private static double relativeError(Score a, Score b) {
        double ea = a.error / a.score;
        double eb = b.error / b.score;
        return Math.sqrt(ea * ea + eb * eb);
    }

    void appendScores(String fork, Map<String, Score> scores) {
        scores.forEach((name, s) -> details.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s |%n",
                name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), fork, s.score, s.error, s.unit)));
    }

    // -------------------------------------------------------------------------------------------------------- sizes

    private void sizes() throws IOException, InterruptedException {
        progress("serialized sizes (" + SerialSizes.class.getSimpleName() + ")");
        Map<String, String> base = sizes("sizes-baseline", List.of());
        Map<String, String> withAgent = ferry() ? sizes("sizes-ferry", List.of(agentArgument())) : Map.of();
        Integer ferry = number(withAgent.get("ferry"));
        Integer jdk = number(base.get("jdk"));
        Integer plain = number(base.get("plain"));
        rows.add(bytesRow("serialized size: Ferry lambda vs JDK serializable lambda (bytes)", ferry, jdk, "≤ 0.25×",
                0.25));
        rows.add(bytesRow("serialized size: Ferry lambda vs plain one-int object (bytes)", ferry, plain, "information",
                -1));
        Integer jdkWithAgent = number(withAgent.get("jdk"));
        if (jdkWithAgent != null && jdk != null && !jdkWithAgent.equals(jdk)) {
            notes.add("with the agent the JDK serializable lambda is written in " + jdkWithAgent + " bytes, without in "
                    + jdk + ": Ferry changed the JDK's serial form of an already serializable lambda");
        }
        details.append("\n## Serialized sizes\n\n- without agent: ").append(base).append("\n- with agent: ")
                .append(withAgent.isEmpty() ? NA : withAgent.toString()).append('\n');
    }

    private Map<String, String> sizes(String name, List<String> jvmArgs) throws IOException, InterruptedException {
        Path log = out.resolve(name + ".log");
        List<String> command = new ArrayList<>(jvmArgs);
        command.addAll(List.of("-cp", testClasses.toString(), SerialSizes.class.getName()));
        int exit = runJava(command, log, log);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("ferry|jdk|plain")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (exit != 0) {
            notes.add(SerialSizes.class.getSimpleName() + " (" + name + ") exited " + exit + ": see " + log);
        }
        return values;
    }

    private static Integer number(String value) {
        return value != null && value.matches("\\d+") ? Integer.valueOf(value) : null;
    }

    static String[] bytesRow(String metric, Integer with, Integer without, String target, double max) {
        String ratio = NA;
        String met = max < 0 ? "info" : NA;
        if (with != null && without != null) {
            double r = (double) with / without;
            ratio = String.format(Locale.ROOT, "%.3f×", r);
            if (max >= 0) {
                met = yesNo(r <= max);
            }
        }
        return new String[] {metric, with == null ? NA : with + " B", without == null ? NA : without + " B", ratio,
            target, met};
    }

    // ------------------------------------------------------------------------------------------------------ startup

    private void startup() throws IOException, InterruptedException {
        int warm = quick ? 2 : 5;
        int runs = quick ? 6 : 30;
        startupRow("JVM start-up: hello world (ms, mean)", Hello.class, warm, runs, true);
        startupRow("JVM start-up: hello world printing through a lambda (ms, mean)", HelloLambda.class,
                quick ? 1 : 3, quick ? 4 : 15, false);
    }

    private void startupRow(String metric, Class<?> main, int warm, int runs, boolean targeted)
            throws IOException, InterruptedException {
        progress("start-up of " + main.getSimpleName() + ": " + warm + " warm-up + " + runs + " runs per variant");
        List<String> args = List.of("-cp", testClasses.toString(), main.getName());
        Map<String, List<Double>> times = timeRuns("startup-" + main.getSimpleName(), args, warm, runs,
                (variant, exit, stdout) -> {
                    if (!stdout.contains("Hello, world")) {
                        throw new IllegalStateException(main.getSimpleName() + " (" + variant + ") printed "
                                + escape(firstLines(stdout, 3)));
                    }
                    return Double.NaN;
                });
        Timings timings = Timings.of(times, targeted, 60);
        Stats base = timings.base;
        Stats with = timings.with;
        String ratio = with == null ? NA : String.format(Locale.ROOT, "%.2f× (%+.1f ms ±%.1f)",
                with.mean() / base.mean(), timings.diff, timings.halfWidth);
        rows.add(new String[] {metric, ms(with), ms(base), ratio, targeted ? "≤ +60 ms" : "information",
            timings.met});
        details.append("\n## Start-up of ").append(main.getSimpleName()).append(" (wall time of the process, ms)\n\n");
        appendStats("baseline", base, "ms");
        if (with != null) {
            appendStats("ferry", with, "ms");
        }
    }

    // ------------------------------------------------------------------------------------------------------ classes

    /** The generated class corpus ({@link ClassCorpus}), the same size for every phase that uses it. */
    Path corpus() throws IOException {
        int count = quick ? 600 : 3300;
        progress("generating and compiling " + 3 * count + " corpus classes (once)");
        return ClassCorpus.ensure(out.resolve("corpus"), count);
    }

    Path testClasses() {
        return testClasses;
    }

    private void classes() throws IOException, InterruptedException {
        int count = quick ? 500 : 3000;
        int linkCount = quick ? 200 : 1000;
        int warmupClasses = quick ? 100 : 300;
        int warm = quick ? 1 : 2;
        int runs = quick ? 3 : 10;
        String classPath = testClasses + File.pathSeparator + corpus();
        // twice the runs for the load rows: a 5 µs difference is well inside the run-to-run spread of 10 JVMs
        classRow("per class without lambdas: load + initialize", ClassCorpus.PLAIN, "load", count,
                warmupClasses, classPath, warm, 2 * runs, 5, Double.NaN);
        classRow("per class with 3 lambda call sites: load + initialize", ClassCorpus.LAMBDA, "load", count,
                warmupClasses, classPath, warm, 2 * runs, 30, Double.NaN);
        classRow("per class with 3 lambda call sites: load, first link and run of its lambdas", ClassCorpus.LAMBDA,
                "link", linkCount, warmupClasses, classPath, warm, quick ? 2 : 6, Double.NaN, 1.20);
    }

    /**
     * @param maxDiff the target, µs per class more with Ferry than without; NaN for none
     * @param maxRatio the target, per-class time with Ferry over without; NaN for none
     */
    private void classRow(String metric, String pkg, String mode, int count, int warmupClasses, String classPath,
            int warm, int runs, double maxDiff, double maxRatio) throws IOException, InterruptedException {
        progress(metric + ": " + count + " classes, " + warm + " warm-up + " + runs + " runs per variant");
        List<String> args = List.of("-cp", classPath, CorpusLoader.class.getName(), pkg, Integer.toString(count),
                mode, Integer.toString(warmupClasses));
        String name = "classes-" + pkg.substring(pkg.lastIndexOf('.') + 1) + "-" + mode;
        Map<String, List<Double>> firstClasses = new LinkedHashMap<>();
        Map<String, List<Double>> times = timeRuns(name, args, warm, runs, (variant, exit, stdout) -> {
            double perClass = Double.NaN;
            for (String line : stdout.split("\n")) {
                if (line.startsWith("nanos=")) {
                    perClass = Long.parseLong(line.substring(6).strip()) / 1000.0 / count;
                } else if (line.startsWith("warmupNanos=")) {
                    firstClasses.computeIfAbsent(variant, v -> new ArrayList<>())
                            .add(Long.parseLong(line.substring(12).strip()) / 1e6);
                }
            }
            if (Double.isNaN(perClass)) {
                throw new IllegalStateException(CorpusLoader.class.getSimpleName() + " (" + variant + ") printed "
                        + escape(firstLines(stdout, 3)));
            }
            return perClass;
        });
        Timings timings = Timings.of(times, !Double.isNaN(maxDiff), Double.isNaN(maxDiff) ? 0 : maxDiff);
        Stats base = timings.base;
        Stats with = timings.with;
        String ratio = with == null ? NA : String.format(Locale.ROOT, "%+.2f µs/class ±%.2f (%.2f× ±%.2f)",
                timings.diff, timings.halfWidth, with.mean() / base.mean(), timings.halfWidth / base.mean());
        String target = !Double.isNaN(maxDiff) ? String.format(Locale.ROOT, "≤ +%.0f µs/class", maxDiff)
                : !Double.isNaN(maxRatio) ? String.format(Locale.ROOT, "≤ %.2f×", maxRatio) : "information";
        String met = timings.met;
        if (!Double.isNaN(maxRatio) && with != null) {
            double r = with.mean() / base.mean();
            met = verdict(r <= maxRatio, r, timings.halfWidth / base.mean(), maxRatio);
        }
        rows.add(new String[] {metric + " (µs/class, " + count + " classes)", us(with), us(base), ratio, target,
            met});
        details.append("\n## ").append(metric).append("\n\n").append(count)
                .append(" classes timed after ").append(warmupClasses)
                .append(" untimed warm-up classes, in every JVM; per-JVM loop time per class, µs:\n\n");
        appendStats("baseline", base, "µs");
        if (with != null) {
            appendStats("ferry", with, "µs");
        }
        details.append("\nThe ").append(warmupClasses)
                .append(" warm-up classes (first use of the class loading path and of the agent), ms per JVM:\n\n");
        firstClasses.forEach((variant, values) -> appendStats(variant, Stats.of(values), "ms"));
    }

    /**
     * Per-process timings of the baseline and (when Ferry ran) the agent variant: the difference of their means, its
     * 95% half-width, and the verdict against {@code maxDiff} when the row has a target.
     */
    static final class Timings {
        final Stats base;
        final Stats with;
        final double diff;
        final double halfWidth;
        final String met;

        private Timings(Stats base, Stats with, boolean targeted, double maxDiff) {
            this.base = base;
            this.with = with;
            this.diff = with == null ? Double.NaN : with.mean() - base.mean();
            this.halfWidth = with == null ? Double.NaN : Stats.diffHalfWidth95(with, base);
            this.met = !targeted ? "info" : with == null ? NA : verdict(diff <= maxDiff, diff, halfWidth, maxDiff);
        }

        static Timings of(Map<String, List<Double>> times, boolean targeted, double maxDiff) {
            return new Timings(Stats.of(times.get("baseline")),
                    times.containsKey("ferry") ? Stats.of(times.get("ferry")) : null, targeted, maxDiff);
        }
    }

    // ------------------------------------------------------------------------------------------------ process runs

    interface Check {
        /** Checks a run's standard output; returns the value it measured in-process, or NaN to use the wall time. */
        double check(String variant, int exit, String stdout);
    }

    /**
     * Runs {@code java [agent] args} {@code warm + runs} times per variant, alternating the variants (and their order)
     * so that drift of the machine affects both alike; the first {@code warm} rounds are discarded. Returns, per
     * variant, the value {@code check} extracted or else the wall time of the process in ms.
     */
    Map<String, List<Double>> timeRuns(String name, List<String> args, int warm, int runs, Check check)
            throws IOException, InterruptedException {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("baseline", args);
        if (ferry()) {
            List<String> withAgent = new ArrayList<>();
            withAgent.add(agentArgument());
            withAgent.addAll(args);
            variants.put("ferry", withAgent);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        variants.keySet().forEach(v -> values.put(v, new ArrayList<>()));
        List<String> order = new ArrayList<>(variants.keySet());
        for (int round = 0; round < warm + runs; round++) {
            List<String> thisRound = new ArrayList<>(order);
            for (int j = 0; j < thisRound.size(); j++) {
                String variant = thisRound.get((round + j) % thisRound.size());
                Path stdout = out.resolve(name + "-" + variant + ".out");
                Path stderr = out.resolve(name + "-" + variant + ".err");
                long start = System.nanoTime();
                int exit = runJava(variants.get(variant), stdout, stderr);
                double wallMs = (System.nanoTime() - start) / 1e6;
                String output = Files.readString(stdout);
                double measured;
                try {
                    if (exit != 0) {
                        throw new IllegalStateException("exited " + exit + ": "
                                + escape(firstLines(Files.readString(stderr), 4)));
                    }
                    measured = check.check(variant, exit, output);
                } catch (RuntimeException e) {
                    if ("baseline".equals(variant)) {
                        throw new IllegalStateException(name + " (baseline): " + e.getMessage(), e);
                    }
                    notes.add(name + " with the agent failed, not measured: " + e.getMessage());
                    order.remove(variant);
                    values.remove(variant);
                    continue;
                }
                if (round == 0 && "ferry".equals(variant) && Files.size(stderr) > 0) {
                    notes.add(name + ": the agent wrote to standard error: "
                            + escape(firstLines(Files.readString(stderr), 2)));
                }
                if (round >= warm) {
                    values.get(variant).add(Double.isNaN(measured) ? wallMs : measured);
                }
            }
        }
        return values;
    }

    int runJava(List<String> args, Path stdout, Path stderr) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        if (stdout.equals(stderr)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(stderr.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return process.exitValue();
    }

    // ------------------------------------------------------------------------------------------------------- report

    private void report() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| metric | with Ferry | without / baseline | ratio | target | met |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        StringBuilder md = new StringBuilder();
        md.append("# Ferry benchmarks\n\n");
        md.append("- date: ").append(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        md.append("- java: ").append(javaCommand).append(" (").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(")\n");
        md.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append("; load: ").append(load)
                .append('\n');
        md.append("- agent: ").append(agentJar == null ? NA : agentArgument())
                .append(agentOrigin == null ? "" : " (a copy of " + agentOrigin + ")").append('\n');
        md.append("- mode: ").append(quick ? "quick (smoke test: numbers are not meaningful)" : "full")
                .append("; phases: ").append(String.join(",", phases)).append("\n\n");
        md.append(table);
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\nRatios are (with Ferry) / (without); ± is the combined 99.9% JMH error (JMH rows) or the 95% "
                + "interval of the difference of the means (process rows). \"met\" goes by the measured value and says "
                + "\"within noise\" when the target lies inside that interval. Baselines are measured in forks/JVMs "
                + "without the agent. JMH: " + forks + " fork(s) per variant, "
                + (quick ? "1×1 s warm-up, 2×1 s measurement"
                        : "3×2 s warm-up (round trip and by value 5×2 s, the JDK route 10×2 s), 5×2 s measurement")
                + ".\n");
        md.append(details);
        Files.writeString(out.resolve("summary.md"), md, StandardCharsets.UTF_8);

        System.out.println();
        System.out.print(table);
        notes.forEach(n -> System.out.println("note: " + n));
        System.out.println("details: " + out.resolve("summary.md"));
    }

    private void appendStats(String variant, Stats s, String unit) {
        details.append(String.format(Locale.ROOT,
                "- %s: mean %.2f %s, sd %.2f, median %.2f, min %.2f, max %.2f, n %d%n", variant, s.mean(), unit,
                s.sd(), s.median(), s.min(), s.max(), s.n()));
    }

    private static String ns(Score s) {
        return s == null ? NA : String.format(Locale.ROOT, "%.3f", s.score) + error("%.3f", s.error);
    }

    private static String ops(Score s) {
        return s == null ? NA : String.format(Locale.ROOT, "%,.0f", s.score) + error("%,.0f", s.error);
    }

    /** JMH gives no error for fewer than three iterations (quick mode). */
    static String error(String format, double error) {
        return Double.isNaN(error) ? "" : " ±" + String.format(Locale.ROOT, format, error);
    }

    static String ms(Stats s) {
        return s == null ? NA : String.format(Locale.ROOT, "%.1f ±%.1f sd", s.mean(), s.sd());
    }

    static String us(Stats s) {
        return s == null ? NA : String.format(Locale.ROOT, "%.2f ±%.2f sd", s.mean(), s.sd());
    }

    /** yes/no by the measured value, marked when the target lies within the value's error interval. */
    static String verdict(boolean met, double value, double halfWidth, double target) {
        boolean noisy = !Double.isNaN(halfWidth) && value - halfWidth <= target && target <= value + halfWidth;
        return yesNo(met) + (noisy ? " (within noise)" : "");
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String firstLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        return String.join(" / ", Arrays.copyOf(lines, Math.min(n, lines.length)));
    }

    /** Keeps text from a child process from breaking the markdown table or the terminal. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '|') {
                s.append("\\|");
            } else if (c < 0x20 || c == 0x7f) {
                s.append(' ');
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.length() > 400 ? s.substring(0, 400) + "..." : s.toString();
    }

    /**
     * Measures, while this JVM idles for two seconds, how busy the CPUs are (Linux {@code /proc/stat}): a description
     * if more than 10% of the machine is used by other processes, else {@code null}.
     */
    private static String otherCpuUse() throws InterruptedException {
        long[] first = CpuMonitor.machineTicks();
        Thread.sleep(2000);
        long[] second = CpuMonitor.machineTicks();
        if (first == null || second == null || second[1] <= first[1]) {
            return null;
        }
        double busy = (double) (second[0] - first[0]) / (second[1] - first[1]);
        return busy > 0.10 ? String.format(Locale.ROOT, "%.0f%% of the %d CPUs were busy with other processes",
                busy * 100, Runtime.getRuntime().availableProcessors()) : null;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void progress(String message) {
        System.out.println("[bench " + OffsetDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
                + message);
    }
}
