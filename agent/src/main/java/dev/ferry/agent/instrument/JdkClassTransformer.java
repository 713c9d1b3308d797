package dev.ferry.agent.instrument;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * A transformer that adds Ferry's hooks to a few named boot-loader classes of the JDK (method bodies only, so it works
 * by retransformation too). A failure leaves the class as the JDK made it, and is counted.
 */
public abstract class JdkClassTransformer implements ClassFileTransformer {

    private final Set<String> classes;

    /** @param classes the internal names of the JDK classes this transformer changes */
    protected JdkClassTransformer(Set<String> classes) {
        this.classes = Set.copyOf(classes);
    }

    /** The classes this transformer changes, internal names. */
    public final Set<String> classes() {
        return classes;
    }

    @Override
    public final byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader != null || !classes.contains(className)) {
            return null;
        }
        try {
            return rewrite(classFile);
        } catch (Throwable failure) {
            AgentCounters.transformFailed(className.replace('/', '.'), failure);
            return null;
        }
    }

    /** @throws RuntimeException when the class is not as expected; the class is then left untouched */
    protected abstract byte[] rewrite(byte[] classFile);
}
