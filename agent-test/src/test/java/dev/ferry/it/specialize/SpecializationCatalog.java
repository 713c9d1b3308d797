package dev.ferry.it.specialize;

import java.util.ArrayList;
import java.util.List;

/** Every round-trip scenario, each in a stream of its own: the argument shapes, then the object graphs and state. */
final class SpecializationCatalog {

    private SpecializationCatalog() {
    }

    static List<SpecializationScenario> all() {
        List<SpecializationScenario> scenarios = new ArrayList<>(ArgumentScenarios.all());
        scenarios.addAll(GraphScenarios.all());
        return scenarios;
    }

    static List<String> names() {
        return all().stream().map(SpecializationScenario::name).toList();
    }
}
