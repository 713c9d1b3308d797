package dev.ferry.it.support;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the agent's failure and activity counters from a forked program, reflectively: the programs must compile and
 * run without the agent, whose classes live on the boot class path only when it is attached.
 */
public final class FerryCounters {

    /** The prefix of the line {@link #line()} prints and {@link #parse} reads. */
    public static final String LINE_PREFIX = "COUNTERS ";
    public static final String TRANSFORM_FAILURES = "transform.failures";
    public static final String REFUSALS = "refusals";

    private FerryCounters() {
    }

    /** The counters, or empty when Ferry is not attached to this JVM. */
    public static Optional<Map<String, Long>> snapshot() {
        Class<?> counters;
        try {
            counters = Class.forName("dev.ferry.boot.diagnostics.AgentCounters", true, null);
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Long> snapshot = (Map<String, Long>) counters.getMethod("snapshot").invoke(null);
            return Optional.of(new TreeMap<>(snapshot));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AgentCounters.snapshot() could not be called", e);
        }
    }

    /** The counter, or -1 when Ferry is not attached. */
    public static long get(String name) {
        return snapshot().map(counters -> counters.getOrDefault(name, 0L)).orElse(-1L);
    }

    /** {@code COUNTERS a=1 b=2}, or {@code COUNTERS absent} without Ferry. */
    public static String line() {
        return LINE_PREFIX + snapshot().map(FerryCounters::format).orElse("absent");
    }

    private static String format(Map<String, Long> counters) {
        StringBuilder text = new StringBuilder();
        counters.forEach((name, value) -> text.append(text.length() == 0 ? "" : " ").append(name).append('=')
                .append(value));
        return text.toString();
    }

    /** The counters of a {@link #line()} found in a program's stdout; empty if there is none or it says absent. */
    public static Map<String, Long> parse(String stdout) {
        Map<String, Long> counters = new TreeMap<>();
        stdout.lines().filter(line -> line.startsWith(LINE_PREFIX)).reduce((first, last) -> last).ifPresent(line -> {
            for (String pair : line.substring(LINE_PREFIX.length()).trim().split(" ")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    counters.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
                }
            }
        });
        return counters;
    }
}
