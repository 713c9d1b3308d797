package dev.ferry.agent.jmx;

import dev.ferry.boot.security.Refusals;
import java.util.Map;

/**
 * Ferry's figures for operators, registered as {@value AgentMXBean#OBJECT_NAME} in the platform MBean server once
 * that server exists. Open types only, so JConsole, VisualVM, {@code jcmd}-like tools and remote clients read it
 * without Ferry's classes.
 */
public interface FerryMXBean {

    /** The agent jar's version. */
    String getVersion();

    /** The options in effect, by name; the key file is shown as set or not, never its path or content. */
    Map<String, String> getOptions();

    /** Every counter, by its stable name (docs/operating.md lists them). */
    Map<String, Long> getCounters();

    /** Recipes written, by kind: {@code lambda}, {@code class}, {@code specialization}. */
    Map<String, Long> getRecipesWritten();

    /** Recipes made into working lambdas or classes in this JVM, by kind. */
    Map<String, Long> getRecipesMaterialized();

    /** Refusals by reason ({@code integrity}, {@code no-key}, ...); every reason is present. */
    Map<String, Long> getRefusals();

    long getClassesPrepared();

    long getCallSitesPrepared();

    long getTransformFailures();

    /** Materialized classes alive in this JVM. */
    long getRegistrySize();

    /** Recipes answered with a class materialized before. */
    long getRegistryHits();

    /** The last errors, oldest first, with class names. */
    String[] getRecentErrors();

    /** Every class whose call sites Ferry read (a lambda of it was written or read), with its loader. */
    String[] listInstrumentedClasses();

    /** Every class the registry materialized that is alive, with its loader. */
    String[] listRegistryEntries();

    /** The specialization generators known so far, by id: class name and how it was registered. */
    Map<String, String> getSpecializationGenerators();

    /** Sets every counter to zero and forgets the recent errors. */
    void resetCounters();
}
