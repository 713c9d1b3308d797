package dev.ferry.agent.diagnostics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent did and what went wrong, counted without locks on the hot paths. Failures of the agent itself are
 * counted here instead of reaching the application; the last few are kept with their class names.
 */
public final class AgentCounters {

    private static final int RECENT_ERRORS = 32;

    private static final LongAdder CLASSES_PREPARED = new LongAdder();
    private static final LongAdder CALL_SITES_PREPARED = new LongAdder();
    private static final LongAdder CALL_SITES_LINKED = new LongAdder();
    private static final LongAdder TRANSFORM_FAILURES = new LongAdder();
    private static final LongAdder LINK_FAILURES = new LongAdder();
    private static final LongAdder LAMBDAS_WRITTEN = new LongAdder();
    private static final LongAdder LAMBDAS_READ = new LongAdder();
    private static final LongAdder REFUSALS = new LongAdder();
    private static final LongAdder CLASSES_SHIPPED = new LongAdder();
    private static final LongAdder CLASSES_MATERIALIZED = new LongAdder();
    private static final LongAdder REGISTRY_HITS = new LongAdder();
    private static final LongAdder WRITE_FAILURES = new LongAdder();
    private static final Deque<String> RECENT = new ArrayDeque<>();

    private AgentCounters() {
    }

    public static void classPrepared(int callSites) {
        CLASSES_PREPARED.increment();
        CALL_SITES_PREPARED.add(callSites);
    }

    public static void callSiteLinked() {
        CALL_SITES_LINKED.increment();
    }

    public static void transformFailed(String className, Throwable failure) {
        TRANSFORM_FAILURES.increment();
        remember("transform " + className, failure);
    }

    public static void linkFailed(String className, Throwable failure) {
        LINK_FAILURES.increment();
        remember("link lambda in " + className, failure);
    }

    public static void lambdaWritten() {
        LAMBDAS_WRITTEN.increment();
    }

    public static void lambdaRead() {
        LAMBDAS_READ.increment();
    }

    public static void refused(Throwable reason) {
        REFUSALS.increment();
        remember("refused", reason);
    }

    /** A class definition written by value into a stream (once per class and stream). */
    public static void classShipped() {
        CLASSES_SHIPPED.increment();
    }

    /** A class defined by the reader's registry from a verified recipe. */
    public static void classMaterialized() {
        CLASSES_MATERIALIZED.increment();
    }

    /** A recipe resolved to a class the registry had materialized before. */
    public static void registryHit() {
        REGISTRY_HITS.increment();
    }

    /** Ferry could not decide how to write a class and left it to the JDK; the stream is written as without Ferry. */
    public static void writeFailed(String className, Throwable failure) {
        WRITE_FAILURES.increment();
        remember("write " + className, failure);
    }

    /** The counters by name; the keys are stable and documented in the README. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("classes.prepared", CLASSES_PREPARED.sum());
        counters.put("callsites.prepared", CALL_SITES_PREPARED.sum());
        counters.put("callsites.linked", CALL_SITES_LINKED.sum());
        counters.put("transform.failures", TRANSFORM_FAILURES.sum());
        counters.put("link.failures", LINK_FAILURES.sum());
        counters.put("lambdas.written", LAMBDAS_WRITTEN.sum());
        counters.put("lambdas.read", LAMBDAS_READ.sum());
        counters.put("refusals", REFUSALS.sum());
        counters.put("classes.shipped", CLASSES_SHIPPED.sum());
        counters.put("classes.materialized", CLASSES_MATERIALIZED.sum());
        counters.put("registry.hits", REGISTRY_HITS.sum());
        counters.put("write.failures", WRITE_FAILURES.sum());
        return counters;
    }

    /** The last errors, oldest first, each {@code what: exception}. */
    public static List<String> recentErrors() {
        synchronized (RECENT) {
            return List.copyOf(RECENT);
        }
    }

    private static void remember(String what, Throwable failure) {
        synchronized (RECENT) {
            if (RECENT.size() == RECENT_ERRORS) {
                RECENT.removeFirst();
            }
            RECENT.addLast(what + ": " + failure);
        }
    }
}
