package dev.ferry.agent.instrument;

import dev.ferry.boot.lambda.LambdaBootstrap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader resolves Ferry's runtime ({@code dev.ferry.boot}) to the boot loader's classes. A prepared
 * class links Ferry's bootstrap by name through its own loader; a loader that delegates only {@code java.*} to its
 * parent (OSGi frameworks and JBoss Modules by default) would make its first lambda fail with
 * {@code NoClassDefFoundError}, so Ferry leaves that loader's classes untouched. Asked once per loader.
 */
final class FerryVisibility {

    private static final Map<ClassLoader, Boolean> SEEN = new WeakHashMap<>();

    private FerryVisibility() {
    }

    static boolean seenBy(ClassLoader loader) {
        if (loader == null) {
            return true;
        }
        synchronized (SEEN) {
            Boolean known = SEEN.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean sees = resolvesFerry(loader);
        synchronized (SEEN) {
            SEEN.put(loader, sees);
        }
        return sees;
    }

    private static boolean resolvesFerry(ClassLoader loader) {
        try {
            return Class.forName(LambdaBootstrap.class.getName(), false, loader) == LambdaBootstrap.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
