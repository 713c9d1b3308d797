package dev.ferry.boot.diagnostics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Ferry's counters, each declared once: its stable name (the key in {@code Counters} over JMX, in {@code status} and in
 * {@link AgentCounters#snapshot}), what it counts (the documentation's list is this), and its adder, counted without
 * locks on the hot paths.
 */
public enum Counter {
    CLASSES_PREPARED("classes.prepared", "classes whose call-site table Ferry read from their class file (at the"
            + " first write or read of one of their lambdas)"),
    CALL_SITES_PREPARED("callsites.prepared", "lambda call sites in those classes"),
    CALL_SITES_LINKED("callsites.linked", "call sites of application classes that linked a serializable lambda (their"
            + " first run)"),
    CLASSES_SKIPPED("classes.skipped", "classes whose lambdas Ferry left as the JDK links them on purpose (a class"
            + " loader that does not see Ferry's runtime)"),
    TRANSFORM_FAILURES("transform.failures", "classes Ferry failed to hook, record or read the call sites of (a JDK"
            + " class left as it was, a class file that cannot be read)"),
    LINK_FAILURES("link.failures", "lambda links Ferry could not decide about; they linked as without Ferry"),
    LAMBDAS_WRITTEN("lambdas.written", "lambdas written as their call site's wire object"),
    LAMBDAS_READ("lambdas.read", "lambdas read"),
    LAMBDAS_MATERIALIZED("lambdas.materialized", "wire classes defined (once per call site and JVM)"),
    REFUSALS("refusals", "streams or parts of streams refused (by reason in Refusals over JMX)"),
    CLASSES_SHIPPED("classes.shipped", "class recipes written by value, once per class and stream"),
    CLASSES_MATERIALIZED("classes.materialized", "classes the registry defined from recipes"),
    REGISTRY_HITS("registry.hits", "recipes answered with a class defined or handed out before"),
    WRITE_FAILURES("write.failures", "classes Ferry could not decide about and left to the JDK"),
    SPECIALIZATIONS_WRITTEN("specializations.written", "specialization recipes written, once per class and stream"),
    SPECIALIZATIONS_READ("specializations.read", "specialization recipes read"),
    SPECIALIZATIONS_MATERIALIZED("specializations.materialized", "classes a generator returned for a recipe, counted"
            + " the first time Ferry hands each out");

    private final String key;
    private final String meaning;
    private final LongAdder adder = new LongAdder();

    Counter(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** The stable name. */
    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    void increment() {
        adder.increment();
    }

    void add(long amount) {
        adder.add(amount);
    }

    public long sum() {
        return adder.sum();
    }

    void reset() {
        adder.reset();
    }

    /** The documentation's table of counters: name and meaning. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| counter | counts |\n| --- | --- |\n");
        for (Counter counter : values()) {
            table.append("| `").append(counter.key).append("` | ").append(counter.meaning).append(" |\n");
        }
        return table.toString();
    }
}
