package dev.ferry.it.specialize;

import java.util.Map;
import java.util.TreeMap;

/**
 * Ferry's refusals by reason, read reflectively as {@link dev.ferry.it.support.FerryCounters} reads the counters (the
 * agent's classes are on the boot class path only when it is attached).
 */
final class RefusalReasons {

    static final String UNKNOWN_GENERATOR = "unknown-generator";
    static final String GENERATOR_REFUSED = "generator-refused";

    private RefusalReasons() {
    }

    static Map<String, Long> snapshot() {
        try {
            Class<?> counters = Class.forName("dev.ferry.boot.diagnostics.AgentCounters", true, null);
            @SuppressWarnings("unchecked")
            Map<String, Long> byReason = (Map<String, Long>) counters.getMethod("refusalsByReason").invoke(null);
            return new TreeMap<>(byReason);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AgentCounters.refusalsByReason() could not be called", e);
        }
    }

    /** {@code a=1 b=0}: how much each reason grew since {@code before}. */
    static String since(Map<String, Long> before) {
        StringBuilder text = new StringBuilder();
        snapshot().forEach((reason, count) -> text.append(text.length() == 0 ? "" : " ").append(reason).append('=')
                .append(count - before.getOrDefault(reason, 0L)));
        return text.toString();
    }

    /** The reasons of a {@link #since} line. */
    static Map<String, Long> parse(String line) {
        Map<String, Long> byReason = new TreeMap<>();
        for (String pair : line.trim().split(" ")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                byReason.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
            }
        }
        return byReason;
    }
}
