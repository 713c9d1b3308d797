package dev.ferry.it.byvalue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reader only: a class read by value lives in Ferry's loader (never the system class loader), whose parent chain
 * reaches the loaders of the class's class-path supertypes. Prints {@code LOADER <scenario> <loader class>}.
 */
final class MaterializedLoaders {

    static final String CHECK = "materialized_classes_live_in_ferrys_loader_below_their_supertypes_loaders";
    static final String FERRY_LOADER = "dev.ferry.boot.byvalue.RecipeClassLoader";

    private static final List<String> SCENARIOS = List.of(
            "byte_buddy_fixed_value_override_loaded_with_wrapper",
            "byte_buddy_fixed_value_override_loaded_with_injection",
            "byte_buddy_fixed_value_override_loaded_with_lookup",
            "byte_buddy_subclass_of_a_byte_buddy_subclass",
            "javax_tools_compiled_rule_defined_by_a_custom_class_loader",
            "spring_aop_class_based_proxy_keeps_its_advice");

    private MaterializedLoaders() {
    }

    /** {@code read}: the objects each scenario read, by scenario name. */
    static String check(Map<String, Object[]> read, Map<String, ByValueScenario> catalog) {
        List<String> problems = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            Object[] roots = read.get(scenario);
            if (roots == null) {
                problems.add(scenario + " was not read");
                continue;
            }
            Class<?> type = catalog.get(scenario).travelling().of(roots);
            ClassLoader loader = type.getClassLoader();
            String loaderClass = loader == null ? "bootstrap" : loader.getClass().getName();
            System.out.println("LOADER " + scenario + " " + loaderClass);
            String problem = problem(type, loader);
            if (problem != null) {
                problems.add(scenario + ": " + problem);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String problem(Class<?> type, ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getSystemClassLoader()) {
            return "defined by the " + (loader == null ? "bootstrap" : "system") + " class loader";
        }
        if (!loader.getClass().getName().equals(FERRY_LOADER)) {
            return "defined by " + loader.getClass().getName() + ", not " + FERRY_LOADER;
        }
        for (Class<?> supertype : classPathSupertypes(type)) {
            if (!reaches(loader, supertype.getClassLoader())) {
                return "its loader's parents do not reach " + supertype.getName() + "'s loader "
                        + supertype.getClassLoader();
            }
        }
        return null;
    }

    private static List<Class<?>> classPathSupertypes(Class<?> type) {
        List<Class<?>> supertypes = new ArrayList<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (current != type && !GeneratedClasses.notOnTheClassPath(current)) {
                supertypes.add(current);
            }
            for (Class<?> implemented : current.getInterfaces()) {
                if (!GeneratedClasses.notOnTheClassPath(implemented)) {
                    supertypes.add(implemented);
                }
            }
        }
        return supertypes;
    }

    private static boolean reaches(ClassLoader loader, ClassLoader ancestor) {
        if (ancestor == null) {
            return true;
        }
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }
}
