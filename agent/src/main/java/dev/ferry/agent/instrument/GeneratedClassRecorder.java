package dev.ferry.agent.instrument;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.byvalue.GeneratedClasses;
import dev.ferry.boot.security.NamePrefixes;
import java.lang.instrument.ClassFileTransformer;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Keeps the bytes of each class whose defining loader cannot return its class file by name: a generated class, whose
 * bytes exist outside the JVM only now, as it is defined. Installed only when this JVM has a key (only then are
 * classes shipped by value), registered before Ferry's rewriting transformers so it sees the bytes as defined; it
 * ignores retransformations. It changes nothing.
 *
 * <p>The criterion is the loader's {@code getResource}; a class found in the directory or jar its protection domain
 * names, or among a {@code URLClassLoader}'s own URLs, is answered without asking the loader's parents (a lookup
 * through every class-path entry costs tens of microseconds).
 */
public final class GeneratedClassRecorder implements ClassFileTransformer {

    /** Set while this thread asks a loader for a resource, which may itself load classes. */
    private static final ThreadLocal<Boolean> ASKING = new ThreadLocal<>();

    private final List<String> byName;
    private final CodeSources codeSources = new CodeSources();

    /** @param byName internal-name prefixes never shipped by value, so never recorded */
    public GeneratedClassRecorder(List<String> byName) {
        this.byName = byName;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (classBeingRedefined != null || loader == null || className == null
                || loader == ClassLoader.getPlatformClassLoader() || className.startsWith("dev/ferry/agent/")
                || className.startsWith("dev/ferry/boot/")
                || isProxyName(className) || NamePrefixes.matchesAny(className, byName) || ASKING.get() != null) {
            return null;
        }
        ASKING.set(Boolean.TRUE);
        try {
            String resource = className + ".class";
            if (!codeSources.contains(loader, protectionDomain, resource) && !inOwnUrls(loader, resource)
                    && loader.getResource(resource) == null) {
                GeneratedClasses.record(loader, className, classFile);
            }
        } catch (Throwable failure) {
            AgentCounters.transformFailed(className.replace('/', '.'), failure);
        } finally {
            ASKING.remove();
        }
        return null;
    }

    /**
     * Whether a {@code URLClassLoader} (Spring Boot's nested-jar loader is one) finds the class file among its own URLs,
     * without first asking its parents, which search the whole class path for every class it defines.
     */
    private static boolean inOwnUrls(ClassLoader loader, String resource) {
        return loader instanceof URLClassLoader && ((URLClassLoader) loader).findResource(resource) != null;
    }

    /** {@code java.lang.reflect.Proxy} classes travel as proxy descriptors, by their interfaces. */
    private static boolean isProxyName(String className) {
        int slash = className.lastIndexOf('/');
        return className.startsWith("$Proxy", slash + 1);
    }
}
