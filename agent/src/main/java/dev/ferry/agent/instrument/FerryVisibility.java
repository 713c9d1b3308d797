package dev.ferry.agent.instrument;

import dev.ferry.boot.lambda.LambdaLinking;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader resolves Ferry's runtime ({@code dev.ferry.boot}) to the boot loader's classes. A wire class
 * is defined in its capturing class's loader and links Ferry's runtime by name through it; with a loader that delegates
 * only {@code java.*} to its parent (OSGi frameworks and JBoss Modules by default) that would fail with
 * {@code NoClassDefFoundError}, so Ferry leaves that loader's classes' lambdas as the JDK links them. Asked once per
 * loader.
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
            return Class.forName(LambdaLinking.class.getName(), false, loader) == LambdaLinking.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
