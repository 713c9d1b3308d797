package dev.ferry.it.agents;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A class loader as OSGi frameworks and JBoss Modules make them by default: it asks its parent, the boot loader, only
 * for the packages it must ({@code java.}, and the JDK's reflection accessors' {@code jdk.internal.reflect.} and
 * {@code sun.reflect.}, which JDK 17's serialization constructors link against through the class's own loader; JBoss
 * Modules and Equinox delegate them too) and those it is told to (boot delegation, as OSGi's
 * {@code org.osgi.framework.bootdelegation} adds them), and defines everything else itself from its class path, even
 * classes the boot loader has. So unless {@code dev.ferry.} is delegated, it does not resolve Ferry's runtime to the
 * boot loader's classes. A delegated name the boot loader lacks is looked for in its own class path, as OSGi does.
 */
public final class IsolatingLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<String> bootDelegated;

    /** What every such loader delegates to the boot loader. */
    private static final List<String> ALWAYS = List.of("java.", "jdk.internal.reflect.", "sun.reflect.");

    /** @param bootDelegation more name prefixes the boot loader is asked for first, such as {@code dev.ferry.} */
    public IsolatingLoader(String name, URL classPath, List<String> bootDelegation) {
        super(name, new URL[] {classPath}, null);
        List<String> delegated = new ArrayList<>(ALWAYS);
        delegated.addAll(bootDelegation);
        this.bootDelegated = List.copyOf(delegated);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                // the boot loader first, then this loader's class path (ClassLoader.loadClass with a null parent)
                type = delegated(name) ? super.loadClass(name, false) : findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private boolean delegated(String name) {
        for (String prefix : bootDelegated) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return getName() + " loader (boot delegation " + String.join(",", bootDelegated) + ")";
    }
}
