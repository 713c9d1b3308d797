package dev.ferry.agent.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The two {@code jdk.internal.misc} methods the registry needs; the installer exports that package to Ferry's runtime
 * module before this class initializes.
 */
final class JdkInternals {

    private static final MethodHandle LATEST_USER_DEFINED_LOADER;
    private static final MethodHandle SHOULD_BE_INITIALIZED;
    private static final Object UNSAFE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> vm = Class.forName("jdk.internal.misc.VM");
            LATEST_USER_DEFINED_LOADER = lookup.findStatic(vm, "latestUserDefinedLoader",
                    MethodType.methodType(ClassLoader.class));
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            UNSAFE = unsafe.getMethod("getUnsafe").invoke(null);
            SHOULD_BE_INITIALIZED = lookup.findVirtual(unsafe, "shouldBeInitialized",
                    MethodType.methodType(boolean.class, Class.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JdkInternals() {
    }

    /**
     * The loader {@code ObjectInputStream.resolveClass} resolves names with: the first loader on the stack that is
     * neither the boot nor the platform loader (Ferry's own frames are boot frames and do not count).
     */
    static ClassLoader latestUserDefinedLoader() {
        try {
            return (ClassLoader) LATEST_USER_DEFINED_LOADER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the class has not been initialized yet (so no generator has set any of its static fields). */
    static boolean isUninitialized(Class<?> type) {
        try {
            return (boolean) SHOULD_BE_INITIALIZED.invoke(UNSAFE, type);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
