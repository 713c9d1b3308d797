package dev.ferry.agent.runtime;

import dev.ferry.agent.diagnostics.AgentCounters;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;

/**
 * The exceptions a reader refuses a recipe with, counted where they are made: a refusal passes up through every
 * enclosing recipe being read, and counting it there would count one forged stream once per level.
 */
public final class Refusals {

    private Refusals() {
    }

    public static InvalidObjectException invalidObject(String message) {
        return invalidObject(message, null);
    }

    public static InvalidObjectException invalidObject(String message, Throwable cause) {
        InvalidObjectException refused = new InvalidObjectException(message);
        if (cause != null) {
            refused.initCause(cause);
        }
        AgentCounters.refused(refused);
        return refused;
    }

    public static InvalidClassException invalidClass(String className, String message) {
        InvalidClassException refused = new InvalidClassException(className, message);
        AgentCounters.refused(refused);
        return refused;
    }
}
