package dev.ferry.boot.diagnostics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Ferry's log: {@code System.Logger} named {@code dev.ferry}, so it reaches whatever logging the application uses
 * (java.util.logging by default, or an SLF4J/Log4j bridge). Off unless the {@code logLevel} option says otherwise,
 * and the logger is looked up only when the first message passes the level: a silent Ferry touches no logging.
 */
public final class FerryLog {

    private static volatile Level threshold = Level.OFF;
    private static volatile Logger logger;

    private FerryLog() {
    }

    /** @param level the lowest level logged; {@link Level#OFF} for none */
    public static void install(Level level) {
        threshold = level;
    }

    public static boolean isLoggable(Level level) {
        Level current = threshold;
        return current != Level.OFF && level != Level.OFF && level.getSeverity() >= current.getSeverity();
    }

    public static void log(Level level, String message) {
        if (isLoggable(level)) {
            logger().log(level, message);
        }
    }

    public static void log(Level level, String message, Throwable failure) {
        if (isLoggable(level)) {
            logger().log(level, message, failure);
        }
    }

    private static Logger logger() {
        Logger current = logger;
        if (current == null) {
            current = System.getLogger("dev.ferry");
            logger = current;
        }
        return current;
    }
}
