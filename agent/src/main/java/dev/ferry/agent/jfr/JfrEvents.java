package dev.ferry.agent.jfr;

import dev.ferry.boot.diagnostics.FerryEvents;
import dev.ferry.boot.diagnostics.RefusalReason;

/**
 * Reports Ferry's events to JDK Flight Recorder: {@code dev.ferry.Materialization}, {@code dev.ferry.Refusal} and
 * {@code dev.ferry.TransformFailure}, in the category "Ferry", enabled by default (so the {@code default} and
 * {@code profile} settings record them) and without a threshold.
 *
 * <p>Start-up pays nothing for JFR: {@link #install()} only checks that the {@code jdk.jfr} module is in the boot
 * layer and installs this sink, which names no {@code jdk.jfr} type. {@link JfrEmitter} is loaded when the first
 * event is reported, and loads the event classes only once JFR has been started in this JVM.
 */
public final class JfrEvents implements FerryEvents.Sink {

    private JfrEvents() {
    }

    /**
     * Installs the JFR sink, unless {@code jdk.jfr} is missing from the runtime image (a {@code jlink}ed image without
     * it) or not resolved (a modular application that does not require it). Never throws.
     */
    public static void install() {
        try {
            if (ModuleLayer.boot().findModule("jdk.jfr").isPresent()) {
                FerryEvents.install(sink());
            }
        } catch (Throwable ignored) {
            // Ferry runs without JFR events rather than not at all
        }
    }

    /** The sink {@link #install()} installs, for tests that report to it directly. */
    static FerryEvents.Sink sink() {
        return new JfrEvents();
    }

    // Each method calls JfrEmitter only when it runs: the verifier of this class loads no jdk.jfr type. A failure
    // (jdk.jfr unusable after all) must never reach the runtime that reported the event.

    @Override
    public void materialized(String kind, String className, long nanos) {
        try {
            JfrEmitter.materialized(kind, className, nanos);
        } catch (Throwable ignored) {
            // see above
        }
    }

    @Override
    public void refused(RefusalReason reason, String className, String message) {
        try {
            JfrEmitter.refused(reason.label(), className, message);
        } catch (Throwable ignored) {
            // see above
        }
    }

    @Override
    public void transformFailed(String className, String error) {
        try {
            JfrEmitter.transformFailed(className, error);
        } catch (Throwable ignored) {
            // see above
        }
    }
}
