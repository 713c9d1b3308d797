package dev.ferry.boot.diagnostics;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent did and what went wrong, counted without locks on the hot paths. Failures of the agent itself are
 * counted here instead of reaching the application; the last few are kept with their class names. Every event is
 * also passed to the JFR sink ({@link FerryEvents}) and the log ({@link FerryLog}) when those are on.
 */
public final class AgentCounters {

    private static final int RECENT_ERRORS = 32;

    private static final LongAdder[] REFUSALS_BY_REASON = adders(RefusalReason.values().length);
    private static final Deque<String> RECENT = new ArrayDeque<>();

    private AgentCounters() {
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    public static void classPrepared(int callSites) {
        Counter.CLASSES_PREPARED.increment();
        Counter.CALL_SITES_PREPARED.add(callSites);
    }

    /** A class with lambdas Ferry left untouched on purpose, for the reason given. */
    public static void classSkipped(String className, String reason) {
        Counter.CLASSES_SKIPPED.increment();
        remember("skipped " + className, reason);
        FerryLog.log(Level.INFO, "Ferry left " + className + " untouched: " + reason);
    }

    public static void callSiteLinked() {
        Counter.CALL_SITES_LINKED.increment();
    }

    public static void transformFailed(String className, Throwable failure) {
        Counter.TRANSFORM_FAILURES.increment();
        remember("transform " + className, failure);
        FerryEvents.transformFailed(className, String.valueOf(failure));
        FerryLog.log(Level.WARNING, "Ferry left " + className + " untouched: " + failure, failure);
    }

    public static void linkFailed(String className, Throwable failure) {
        Counter.LINK_FAILURES.increment();
        remember("link lambda in " + className, failure);
        FerryLog.log(Level.WARNING, "Ferry could not link a lambda of " + className + ", the JDK's was used: "
                + failure, failure);
    }

    public static void lambdaWritten() {
        Counter.LAMBDAS_WRITTEN.increment();
    }

    public static void lambdaRead() {
        Counter.LAMBDAS_READ.increment();
    }

    /** A lambda call site a reader linked for the first time, from a recipe. */
    public static void lambdaMaterialized(String capturingClass, long nanos) {
        Counter.LAMBDAS_MATERIALIZED.increment();
        FerryEvents.materialized(FerryEvents.LAMBDA, capturingClass, nanos);
        FerryLog.log(Level.DEBUG, "Ferry linked a lambda call site of " + capturingClass + " in " + nanos / 1000
                + " us");
    }

    /**
     * A recipe refused; called where the refusal is made (a refusal passes up through every enclosing recipe).
     *
     * @param className what the recipe named, already made printable
     */
    public static void refused(RefusalReason reason, String className, Throwable refusal) {
        Counter.REFUSALS.increment();
        REFUSALS_BY_REASON[reason.ordinal()].increment();
        remember("refused (" + reason.label() + ") " + className, refusal);
        FerryEvents.refused(reason, className, refusal.getMessage());
        FerryLog.log(Level.WARNING, "Ferry refused a recipe (" + reason.label() + "): " + refusal.getMessage());
    }

    /** A class definition written by value into a stream (once per class and stream). */
    public static void classShipped() {
        Counter.CLASSES_SHIPPED.increment();
    }

    /** A class defined by the reader's registry from a verified recipe. */
    public static void classMaterialized(String className, long nanos) {
        Counter.CLASSES_MATERIALIZED.increment();
        FerryEvents.materialized(FerryEvents.CLASS, className, nanos);
        FerryLog.log(Level.DEBUG, "Ferry materialized " + className + " in " + nanos / 1000 + " us");
    }

    /** A specialization recipe written (once per class and stream). */
    public static void specializationWritten() {
        Counter.SPECIALIZATIONS_WRITTEN.increment();
    }

    /** A specialization recipe read, before its class is looked for. */
    public static void specializationRead() {
        Counter.SPECIALIZATIONS_READ.increment();
    }

    /** A class a generator returned for a recipe, the first time Ferry hands it out in this JVM. */
    public static void specializationMaterialized(String className, long nanos) {
        Counter.SPECIALIZATIONS_MATERIALIZED.increment();
        FerryEvents.materialized(FerryEvents.SPECIALIZATION, className, nanos);
        FerryLog.log(Level.DEBUG, "Ferry specialized " + className + " in " + nanos / 1000 + " us");
    }

    /** A recipe resolved to a class the registry had materialized before. */
    public static void registryHit() {
        Counter.REGISTRY_HITS.increment();
    }

    /** Ferry could not decide how to write a class and left it to the JDK; the stream is written as without Ferry. */
    public static void writeFailed(String className, Throwable failure) {
        Counter.WRITE_FAILURES.increment();
        remember("write " + className, failure);
        FerryLog.log(Level.WARNING, "Ferry left " + className + " to the JDK's serialization: " + failure, failure);
    }

    /** A failure of Ferry's own outside the counted kinds (JMX registration, ...): kept as a recent error and logged. */
    public static void otherFailure(String what, Throwable failure) {
        remember(what, failure);
        FerryLog.log(Level.WARNING, "Ferry: " + what + " failed: " + failure, failure);
    }

    /** The counters by name ({@link Counter}). */
    public static Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            counters.put(counter.key(), counter.sum());
        }
        return counters;
    }

    /** Refusals by {@link RefusalReason#label()}, every reason present. */
    public static Map<String, Long> refusalsByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (RefusalReason reason : RefusalReason.values()) {
            byReason.put(reason.label(), REFUSALS_BY_REASON[reason.ordinal()].sum());
        }
        return byReason;
    }

    /** Sets every counter to zero and forgets the recent errors (an operator's reset, over JMX). */
    public static void reset() {
        for (Counter counter : Counter.values()) {
            counter.reset();
        }
        for (LongAdder adder : REFUSALS_BY_REASON) {
            adder.reset();
        }
        synchronized (RECENT) {
            RECENT.clear();
        }
    }

    /** The last errors, oldest first, each {@code what: exception}. */
    public static List<String> recentErrors() {
        synchronized (RECENT) {
            return List.copyOf(RECENT);
        }
    }

    private static void remember(String what, Object failure) {
        synchronized (RECENT) {
            if (RECENT.size() == RECENT_ERRORS) {
                RECENT.removeFirst();
            }
            RECENT.addLast(what + ": " + failure);
        }
    }
}
