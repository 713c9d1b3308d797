package dev.ferry.bench;

import java.io.IOException;
import java.util.Map;

/**
 * Checks, for the by-value benchmarks, that Ferry really ships generated classes by value in this JVM: that an object
 * of a generated class reads back as an instance of a class Ferry's registry materialized (defined by its
 * {@value #RECIPE_LOADER}), not of the writer's class, and that the agent's counters say how many classes the registry
 * defined. A benchmark that measured a JDK failure, or the writer's class found by name, would report nonsense.
 */
final class ByValueProbe {

    /** The class of the loaders Ferry's registry defines materialized classes in. */
    static final String RECIPE_LOADER = "dev.ferry.boot.byvalue.RecipeClassLoader";

    private static final String COUNTERS = "dev.ferry.boot.diagnostics.AgentCounters";
    private static final String HINT = "run with -javaagent:ferry-agent.jar=keyFile=PATH (PATH: at least 32 random"
            + " bytes); BenchSuite --only byvalue does";

    private ByValueProbe() {
    }

    /**
     * Writes and reads back {@code generated}, an object of a generated class, and returns what was read.
     *
     * @throws IllegalStateException when it cannot be read back, or was not materialized by Ferry
     */
    static Shape requireMaterializedRoundTrip(Shape generated) {
        Object back;
        try {
            back = Payloads.read(Payloads.write(generated));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("an object of the generated " + generated.getClass().getName()
                    + " does not round-trip (" + e + "): Ferry does not ship generated classes by value here; "
                    + HINT, e);
        }
        return requireMaterialized(generated, back);
    }

    /** Checks that {@code back}, read from a stream of {@code written}, is of a class Ferry materialized. */
    static Shape requireMaterialized(Shape written, Object back) {
        if (!(back instanceof Shape) || ((Shape) back).size() != written.size()) {
            throw new IllegalStateException("the generated " + written.getClass().getName() + " read back as " + back
                    + ", not an equal Shape");
        }
        Class<?> type = back.getClass();
        ClassLoader loader = type.getClassLoader();
        String loaderClass = loader == null ? "the boot loader" : loader.getClass().getName();
        if (type == written.getClass() || !RECIPE_LOADER.equals(loaderClass)) {
            throw new IllegalStateException("the generated " + written.getClass().getName() + " read back as "
                    + (type == written.getClass() ? "the writer's own class" : "a class of " + loaderClass)
                    + ", not one materialized by Ferry's registry (" + RECIPE_LOADER + "): " + HINT);
        }
        return (Shape) back;
    }

    /** How many classes Ferry's registry has defined from recipes in this JVM (its {@code AgentCounters}). */
    static long materializedClasses() {
        try {
            Class<?> counters = Class.forName(COUNTERS, false, null);
            Map<?, ?> snapshot = (Map<?, ?>) counters.getMethod("snapshot").invoke(null);
            Object count = snapshot.get("classes.materialized");
            if (!(count instanceof Long)) {
                throw new IllegalStateException(COUNTERS + ".snapshot() has no classes.materialized counter");
            }
            return (Long) count;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Ferry's counters (" + COUNTERS + ") cannot be read: " + e + "; " + HINT,
                    e);
        }
    }
}
