package dev.ferry.boot.security;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;

/**
 * The exceptions a reader refuses a recipe with, counted (by reason) where they are made: a refusal passes up through
 * every enclosing recipe being read, and counting it there would count one forged stream once per level.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param className what the recipe named, printable ({@link Printable}) */
    public static InvalidObjectException invalidObject(RefusalReason reason, String className, String message) {
        return invalidObject(reason, className, message, null);
    }

    public static InvalidObjectException invalidObject(RefusalReason reason, String className, String message,
            Throwable cause) {
        InvalidObjectException refused = new InvalidObjectException(message);
        if (cause != null) {
            refused.initCause(cause);
        }
        AgentCounters.refused(reason, className, refused);
        return refused;
    }

    /** @param className what the recipe named, printable ({@link Printable}) */
    public static InvalidClassException invalidClass(RefusalReason reason, String className, String message) {
        InvalidClassException refused = new InvalidClassException(className, message);
        AgentCounters.refused(reason, className, refused);
        return refused;
    }

    /** An exception made elsewhere, counted as a refusal. */
    public static <T extends Exception> T counted(RefusalReason reason, String className, T refused) {
        AgentCounters.refused(reason, className, refused);
        return refused;
    }
}
