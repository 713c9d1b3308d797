package dev.ferry.agent.jmx;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.Counter;
import dev.ferry.boot.byvalue.ClassRegistry;
import dev.ferry.boot.specialize.SpecializationGenerators;
import dev.ferry.boot.lambda.CallSiteTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FerryMXBean} over the runtime's counters and registries. */
public final class AgentMXBean implements FerryMXBean {

    public static final String OBJECT_NAME = "dev.ferry:type=Agent";

    private final String version;
    private final Map<String, String> options;

    /** @param options the options in effect, already redacted */
    public AgentMXBean(String version, Map<String, String> options) {
        this.version = version;
        this.options = Map.copyOf(options);
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public Map<String, String> getOptions() {
        return options;
    }

    @Override
    public Map<String, Long> getCounters() {
        return AgentCounters.snapshot();
    }

    @Override
    public Map<String, Long> getRecipesWritten() {
        return byKind(Counter.LAMBDAS_WRITTEN.sum(), Counter.CLASSES_SHIPPED.sum(),
                Counter.SPECIALIZATIONS_WRITTEN.sum());
    }

    @Override
    public Map<String, Long> getRecipesMaterialized() {
        return byKind(Counter.LAMBDAS_MATERIALIZED.sum(), Counter.CLASSES_MATERIALIZED.sum(),
                Counter.SPECIALIZATIONS_MATERIALIZED.sum());
    }

    private static Map<String, Long> byKind(long lambdas, long classes, long specializations) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        byKind.put("lambda", lambdas);
        byKind.put("class", classes);
        byKind.put("specialization", specializations);
        return byKind;
    }

    @Override
    public Map<String, Long> getRefusals() {
        return AgentCounters.refusalsByReason();
    }

    @Override
    public long getClassesPrepared() {
        return Counter.CLASSES_PREPARED.sum();
    }

    @Override
    public long getCallSitesPrepared() {
        return Counter.CALL_SITES_PREPARED.sum();
    }

    @Override
    public long getTransformFailures() {
        return Counter.TRANSFORM_FAILURES.sum();
    }

    @Override
    public long getRegistrySize() {
        return ClassRegistry.size();
    }

    @Override
    public long getRegistryHits() {
        return Counter.REGISTRY_HITS.sum();
    }

    @Override
    public String[] getRecentErrors() {
        return AgentCounters.recentErrors().toArray(new String[0]);
    }

    @Override
    public String[] listInstrumentedClasses() {
        return array(CallSiteTables.describeAll());
    }

    @Override
    public String[] listRegistryEntries() {
        return array(ClassRegistry.describeAll());
    }

    @Override
    public Map<String, String> getSpecializationGenerators() {
        return SpecializationGenerators.describeAll();
    }

    private static String[] array(List<String> lines) {
        return lines.toArray(new String[0]);
    }

    @Override
    public void resetCounters() {
        AgentCounters.reset();
    }
}
