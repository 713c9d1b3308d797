package dev.ferry.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Makes a prepared class's module able to use Ferry's runtime: a named module reads only what it declares and opens
 * nothing it does not declare, so Ferry could neither link its lambda bodies nor define its wire classes in its
 * package. When the class's call-site table is first read, its module is made to read Ferry's runtime module, and its
 * package is opened to that module only.
 */
public final class ModuleAccess {

    private final Instrumentation instrumentation;
    private final Module runtime;

    public ModuleAccess(Instrumentation instrumentation, Module runtime) {
        this.instrumentation = instrumentation;
        this.runtime = runtime;
    }

    /** @param internalName the prepared class, whose package is opened to Ferry's runtime */
    void grant(Module module, String internalName) {
        if (module == null || !module.isNamed() || instrumentation == null) {
            return; // an unnamed module reads every module and opens every package
        }
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
        if (module.canRead(runtime) && module.isOpen(pkg, runtime)) {
            return;
        }
        instrumentation.redefineModule(module, Set.of(runtime), Map.of(), Map.of(pkg, Set.of(runtime)), Set.of(),
                Map.of());
    }
}
