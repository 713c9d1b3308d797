package dev.ferry.it.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every lambda scenario, for the writer, the reader, and the IT that expects one PASS per name. */
public final class ScenarioCatalog {

    private ScenarioCatalog() {
    }

    /** Scenarios written each into a stream of its own, so that one failure hides no other. */
    public static List<Scenario> isolated() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(CaptureScenarios.all());
        all.addAll(MethodReferenceScenarios.all());
        all.addAll(DeclarationSiteScenarios.all());
        all.addAll(GraphScenarios.all());
        all.addAll(CombinatorScenarios.all());
        all.addAll(AdaptationScenarios.all());
        return all;
    }

    /** Scenarios written one after the other into one shared stream. */
    public static List<Scenario> shared() {
        return SharedStreamScenarios.all();
    }

    /** Every scenario by name; a name used twice is a mistake of the catalog. */
    public static Map<String, Scenario> byName() {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        List<Scenario> all = new ArrayList<>(isolated());
        all.addAll(shared());
        for (Scenario scenario : all) {
            if (byName.put(scenario.name(), scenario) != null) {
                throw new IllegalStateException("two scenarios are named " + scenario.name());
            }
        }
        return byName;
    }

    public static List<String> names() {
        return List.copyOf(byName().keySet());
    }
}
