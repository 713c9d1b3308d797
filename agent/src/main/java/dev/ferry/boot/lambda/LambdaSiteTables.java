package dev.ferry.boot.lambda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lambda call sites of every class Ferry prepared in this JVM, by defining loader and class name: the allow-list a
 * reader checks a recipe against (DESIGN.md fact 4). Filled by the transformer before the class is defined.
 *
 * <p>Loaders are held weakly and the tables hold only strings, so the tables never keep a class loader alive.
 */
public final class LambdaSiteTables {

    private static final Map<String, SymbolicCallSite[]> BOOT = new ConcurrentHashMap<>();
    private static final Map<ClassLoader, Map<String, SymbolicCallSite[]>> BY_LOADER = new WeakHashMap<>();

    private LambdaSiteTables() {
    }

    /** Records the call sites of {@code className} (binary name) as defined by {@code loader} (null: boot loader). */
    public static void register(ClassLoader loader, String className, SymbolicCallSite[] sites) {
        tablesOf(loader, true).put(className, sites.clone());
    }

    /** The call sites of a class, or null when Ferry did not prepare it in this JVM. */
    public static SymbolicCallSite[] lookup(ClassLoader loader, String className) {
        Map<String, SymbolicCallSite[]> tables = tablesOf(loader, false);
        return tables == null ? null : tables.get(className);
    }

    /** Every prepared class, {@code name (n call sites) in loader}, sorted; for operators (JMX). */
    public static List<String> describeAll() {
        List<String> lines = new ArrayList<>();
        describe(lines, "boot", BOOT);
        synchronized (BY_LOADER) {
            for (Map.Entry<ClassLoader, Map<String, SymbolicCallSite[]>> entry : BY_LOADER.entrySet()) {
                describe(lines, String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static void describe(List<String> lines, String loader, Map<String, SymbolicCallSite[]> tables) {
        for (Map.Entry<String, SymbolicCallSite[]> table : tables.entrySet()) {
            lines.add(table.getKey() + " (" + table.getValue().length + " call sites) in " + loader);
        }
    }

    private static Map<String, SymbolicCallSite[]> tablesOf(ClassLoader loader, boolean create) {
        if (loader == null) {
            return BOOT;
        }
        synchronized (BY_LOADER) {
            Map<String, SymbolicCallSite[]> tables = BY_LOADER.get(loader);
            if (tables == null && create) {
                tables = new ConcurrentHashMap<>();
                BY_LOADER.put(loader, tables);
            }
            return tables;
        }
    }
}
