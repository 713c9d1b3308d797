package dev.ferry.boot.diagnostics;

/**
 * Where the runtime reports events worth recording (JFR): it calls an installed {@link Sink}, which lives outside the
 * runtime's {@code java.base}-only packages. Without a sink every call is a volatile read.
 */
public final class FerryEvents {

    /** What is reported. Implementations must be fast and must not throw. */
    public interface Sink {
        /** A recipe became a working class or lambda in this JVM for the first time. */
        void materialized(String kind, String className, long nanos);

        void refused(RefusalReason reason, String className, String message);

        void transformFailed(String className, String error);
    }

    /** Kind of a materialized lambda call site. */
    public static final String LAMBDA = "lambda";
    /** Kind of a class materialized from a class-by-value recipe. */
    public static final String CLASS = "class";
    /** Kind of a class a registered generator made or returned for a specialization recipe. */
    public static final String SPECIALIZATION = "specialization";

    private static volatile Sink sink;

    private FerryEvents() {
    }

    public static void install(Sink events) {
        sink = events;
    }

    static void materialized(String kind, String className, long nanos) {
        Sink events = sink;
        if (events != null) {
            events.materialized(kind, className, nanos);
        }
    }

    static void refused(RefusalReason reason, String className, String message) {
        Sink events = sink;
        if (events != null) {
            events.refused(reason, className, message);
        }
    }

    static void transformFailed(String className, String error) {
        Sink events = sink;
        if (events != null) {
            events.transformFailed(className, error);
        }
    }
}
