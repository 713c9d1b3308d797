package dev.ferry.boot.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The {@code jdk.internal.misc} methods the registry needs; the installer exports that package to Ferry's runtime
 * module before this class initializes.
 */
public final class JdkInternals {

    private static final MethodHandle LATEST_USER_DEFINED_LOADER;
    private static final MethodHandle SHOULD_BE_INITIALIZED;
    private static final Object UNSAFE;
    private static final MethodHandle STATIC_FIELD_BASE;
    private static final MethodHandle STATIC_FIELD_OFFSET;
    private static final MethodHandle OBJECT_FIELD_OFFSET;
    /** {@code putXVolatile(Object, long, X)} by field type; {@code Object.class} for references. */
    private static final java.util.Map<Class<?>, MethodHandle> PUT_VOLATILE = new java.util.HashMap<>();

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
            STATIC_FIELD_BASE = lookup.findVirtual(unsafe, "staticFieldBase",
                    MethodType.methodType(Object.class, java.lang.reflect.Field.class));
            STATIC_FIELD_OFFSET = lookup.findVirtual(unsafe, "staticFieldOffset",
                    MethodType.methodType(long.class, java.lang.reflect.Field.class));
            OBJECT_FIELD_OFFSET = lookup.findVirtual(unsafe, "objectFieldOffset",
                    MethodType.methodType(long.class, Class.class, String.class));
            Class<?>[] types = {Object.class, boolean.class, byte.class, short.class, char.class, int.class,
                long.class, float.class, double.class};
            String[] names = {"Reference", "Boolean", "Byte", "Short", "Char", "Int", "Long", "Float", "Double"};
            for (int i = 0; i < types.length; i++) {
                PUT_VOLATILE.put(types[i], lookup.findVirtual(unsafe, "put" + names[i] + "Volatile",
                        MethodType.methodType(void.class, Object.class, long.class, types[i])));
            }
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
    public static ClassLoader latestUserDefinedLoader() {
        try {
            return (ClassLoader) LATEST_USER_DEFINED_LOADER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets a static field without initializing its class: a shipped class's static initializer must not run before
     * the stream's filter has seen the class (which {@code ObjectInputStream} asks after {@code resolveClass}).
     *
     * @param value of the field's type, boxed for primitives (checked by the caller)
     */
    public static void putStatic(java.lang.reflect.Field field, Object value) {
        try {
            Object base = STATIC_FIELD_BASE.invoke(UNSAFE, field);
            long offset = (long) STATIC_FIELD_OFFSET.invoke(UNSAFE, field);
            Class<?> type = field.getType().isPrimitive() ? field.getType() : Object.class;
            PUT_VOLATILE.get(type).invoke(UNSAFE, base, offset, value);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set static field " + field, e);
        }
    }

    /** The offset of an instance field of a JDK class, for {@link #putReference}. */
    public static long fieldOffset(Class<?> type, String field) {
        try {
            return (long) OBJECT_FIELD_OFFSET.invoke(UNSAFE, type, field);
        } catch (Throwable e) {
            throw new IllegalStateException("no field " + type.getName() + "." + field, e);
        }
    }

    /** Sets a reference field of a JDK object, such as a descriptor read from a stream that no one else holds yet. */
    public static void putReference(Object target, long offset, Object value) {
        try {
            PUT_VOLATILE.get(Object.class).invoke(UNSAFE, target, offset, value);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set a field of " + target.getClass().getName(), e);
        }
    }

    /** Whether the class has not been initialized yet (so no generator has set any of its static fields). */
    public static boolean isUninitialized(Class<?> type) {
        try {
            return (boolean) SHOULD_BE_INITIALIZED.invoke(UNSAFE, type);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
