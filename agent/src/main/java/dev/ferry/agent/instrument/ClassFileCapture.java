package dev.ferry.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The class file of a loaded class as the JVM holds it now (after a redefinition, or another agent's change), taken
 * by retransforming the class with a transformer that only looks: the JVM hands it the class's current bytes and keeps
 * the class as it is. A retransformation pauses the JVM briefly, so this is the last way Ferry reads a class file: for
 * a class with no class file on disk, or after the class was redefined.
 */
final class ClassFileCapture implements ClassFileTransformer {

    private final Class<?> target;
    private volatile byte[] captured;

    private ClassFileCapture(Class<?> target) {
        this.target = target;
    }

    /** @throws IllegalStateException when the JVM cannot retransform the class, with its reason */
    static synchronized byte[] of(Instrumentation instrumentation, Class<?> type) {
        if (instrumentation == null || !instrumentation.isModifiableClass(type)) {
            throw new IllegalStateException("its class file is not on its class loader's path, and the JVM cannot"
                    + " hand it over (" + type.getName() + " is not modifiable)");
        }
        ClassFileCapture capture = new ClassFileCapture(type);
        instrumentation.addTransformer(capture, true);
        try {
            instrumentation.retransformClasses(type);
        } catch (Exception | LinkageError failure) {
            throw new IllegalStateException("the JVM could not hand over the class file of " + type.getName() + ": "
                    + failure, failure);
        } finally {
            instrumentation.removeTransformer(capture);
        }
        byte[] bytes = capture.captured;
        if (bytes == null) {
            throw new IllegalStateException("the JVM handed over no class file for " + type.getName());
        }
        return bytes;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (classBeingRedefined == target) {
            captured = classFile.clone();
        }
        return null;
    }
}
