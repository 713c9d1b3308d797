package dev.ferry.agent.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Creates and commits the events; the first class of the agent that names {@code jdk.jfr} types, loaded when
 * {@link JfrEvents} reports its first event. Fields are set only when a recording wants the event.
 *
 * <p>Until JFR has been started in this JVM (by {@code -XX:StartFlightRecording}, {@code jcmd JFR.start} or the API)
 * the event classes are not even loaded: loading the first event class makes the JDK register and instrument it
 * (about a hundred {@code jdk.jfr} classes and a generated handler on JDK 17 and 25). After that, JFR is initialized
 * for good and each event costs what JFR's own {@code shouldCommit()} costs.
 */
final class JfrEmitter {

    private JfrEmitter() {
    }

    static void materialized(String kind, String className, long nanos) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        MaterializationEvent event = new MaterializationEvent();
        if (event.shouldCommit()) {
            event.kind = kind;
            event.className = className;
            event.materializationTime = nanos;
            event.commit();
        }
    }

    static void refused(String reason, String className, String message) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        RefusalEvent event = new RefusalEvent();
        if (event.shouldCommit()) {
            event.reason = reason;
            event.className = className;
            event.message = message;
            event.commit();
        }
    }

    static void transformFailed(String className, String error) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        TransformFailureEvent event = new TransformFailureEvent();
        if (event.shouldCommit()) {
            event.className = className;
            event.error = error;
            event.commit();
        }
    }
}
