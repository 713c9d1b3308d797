package dev.ferry.boot.jdk;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every JDK internal Ferry relies on, in one place, each behind a method named for what it does. The installer opens
 * {@code java.io} and exports {@code jdk.internal.misc} to Ferry's runtime module, and checks ({@link #check}) that
 * every seam is there before it keeps any of its transformers: on a JDK where one is gone, Ferry is not installed, and
 * {@code JdkInternalsTest} names the seam. The method handles themselves are made at first use, per group of seams
 * (a JVM that never serializes never makes them: start-up pays only for the check).
 *
 * <p>The seams: {@code jdk.internal.misc.VM.latestUserDefinedLoader} (the loader {@code ObjectInputStream} resolves
 * names with); {@code jdk.internal.misc.Unsafe} (a static field set, and a class's initialization state, without
 * initializing it); {@code ObjectInputStream.bin} and its block-data buffer (to recognize Ferry's class annotation
 * without consuming anything, and to discard what is left of it); the overridable {@code resolveClass},
 * {@code resolveProxyClass}, {@code annotateClass}, {@code annotateProxyClass}, called as the stream's own
 * class would; {@code ObjectInputStream.filterCheck} (the stream's {@code ObjectInputFilter}, as the JDK applies it);
 * {@code ObjectStreamClass}'s blank constructor, {@code invokeWriteReplace}, {@code name}, {@code suid} and
 * {@code fields}; and {@code ManagementFactory.platformMBeanServer}.
 */
public final class JdkInternals {

    private JdkInternals() {
    }

    /**
     * Checks that every seam is there, each by reflection (cheaper than making its method handle, which waits for first
     * use): throws naming the first one that is not. Loads {@code ObjectInputStream}, {@code ObjectOutputStream} and
     * {@code ObjectStreamClass}, so the installer calls it once its transformer is ready to hook them as they load.
     */
    public static void check() {
        try {
            Class.forName("jdk.internal.misc.VM").getDeclaredMethod("latestUserDefinedLoader");
            Class.forName("jdk.internal.misc.VM").getDeclaredMethod("getRuntimeArguments");
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            unsafe.getDeclaredMethod("shouldBeInitialized", Class.class);
            unsafe.getDeclaredMethod("staticFieldBase", Field.class);
            unsafe.getDeclaredMethod("staticFieldOffset", Field.class);
            unsafe.getDeclaredMethod("putReferenceVolatile", Object.class, long.class, Object.class);
            ObjectInputStream.class.getDeclaredField("bin");
            ObjectInputStream.class.getDeclaredMethod("resolveClass", ObjectStreamClass.class);
            ObjectInputStream.class.getDeclaredMethod("resolveProxyClass", String[].class);
            ObjectInputStream.class.getDeclaredMethod("filterCheck", Class.class, int.class);
            Class<?> blocks = Class.forName("java.io.ObjectInputStream$BlockDataInputStream");
            blocks.getDeclaredMethod("getBlockDataMode");
            blocks.getDeclaredMethod("peek");
            blocks.getDeclaredMethod("skipBlockData");
            blocks.getDeclaredField("buf");
            blocks.getDeclaredField("pos");
            blocks.getDeclaredField("end");
            ObjectOutputStream.class.getDeclaredMethod("annotateClass", Class.class);
            ObjectOutputStream.class.getDeclaredMethod("annotateProxyClass", Class.class);
            ObjectStreamClass.class.getDeclaredMethod("invokeWriteReplace", Object.class);
            ObjectStreamClass.class.getDeclaredMethod("invokeReadResolve", Object.class);
            SerializedLambda.class.getDeclaredField("capturingClass");
            Class.class.getDeclaredField("classRedefinedCount");
            ObjectStreamClass.class.getDeclaredConstructor();
            ObjectStreamClass.class.getDeclaredField("name");
            ObjectStreamClass.class.getDeclaredField("suid");
            ObjectStreamClass.class.getDeclaredField("fields");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("a JDK internal Ferry relies on is missing: " + e, e);
        }
    }

    /** {@code jdk.internal.misc.VM} and {@code Unsafe}. */
    private static final class Vm {
        static final MethodHandle LATEST_USER_DEFINED_LOADER;
        static final Object UNSAFE;
        static final MethodHandle SHOULD_BE_INITIALIZED;
        static final MethodHandle STATIC_FIELD_BASE;
        static final MethodHandle STATIC_FIELD_OFFSET;
        /** {@code putXVolatile(Object, long, X)} by field type; {@code Object.class} for references. */
        static final Map<Class<?>, MethodHandle> PUT_VOLATILE = new HashMap<>();

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
                        MethodType.methodType(Object.class, Field.class));
                STATIC_FIELD_OFFSET = lookup.findVirtual(unsafe, "staticFieldOffset",
                        MethodType.methodType(long.class, Field.class));
                Class<?>[] types = {Object.class, boolean.class, byte.class, short.class, char.class, int.class,
                    long.class, float.class, double.class};
                String[] names = {"Reference", "Boolean", "Byte", "Short", "Char", "Int", "Long", "Float", "Double"};
                for (int i = 0; i < types.length; i++) {
                    PUT_VOLATILE.put(types[i], lookup.findVirtual(unsafe, "put" + names[i] + "Volatile",
                            MethodType.methodType(void.class, Object.class, long.class, types[i])));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** {@code ObjectInputStream}'s: its block-data input, the overridable resolution, the filter. */
    private static final class Input {
        static final MethodHandle INPUT_BIN;
        static final MethodHandle BLOCK_DATA_MODE;
        static final MethodHandle BLOCK_PEEK;
        static final MethodHandle SKIP_BLOCK_DATA;
        static final VarHandle BLOCK_BUFFER;
        static final VarHandle BLOCK_POSITION;
        static final VarHandle BLOCK_END;
        static final MethodHandle RESOLVE_CLASS;
        static final MethodHandle RESOLVE_PROXY_CLASS;
        static final MethodHandle FILTER_CHECK;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandles.Lookup input = MethodHandles.privateLookupIn(ObjectInputStream.class, lookup);
                Class<?> blocks = Class.forName("java.io.ObjectInputStream$BlockDataInputStream");
                MethodHandles.Lookup blockData = MethodHandles.privateLookupIn(blocks, lookup);
                INPUT_BIN = input.findGetter(ObjectInputStream.class, "bin", blocks).asType(
                        MethodType.methodType(Object.class, ObjectInputStream.class));
                BLOCK_DATA_MODE = blockData.findVirtual(blocks, "getBlockDataMode",
                        MethodType.methodType(boolean.class)).asType(MethodType.methodType(boolean.class, Object.class));
                BLOCK_PEEK = blockData.findVirtual(blocks, "peek", MethodType.methodType(int.class))
                        .asType(MethodType.methodType(int.class, Object.class));
                SKIP_BLOCK_DATA = blockData.findVirtual(blocks, "skipBlockData", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                BLOCK_BUFFER = blockData.findVarHandle(blocks, "buf", byte[].class);
                BLOCK_POSITION = blockData.findVarHandle(blocks, "pos", int.class);
                BLOCK_END = blockData.findVarHandle(blocks, "end", int.class);
                RESOLVE_CLASS = input.findVirtual(ObjectInputStream.class, "resolveClass",
                        MethodType.methodType(Class.class, ObjectStreamClass.class));
                RESOLVE_PROXY_CLASS = input.findVirtual(ObjectInputStream.class, "resolveProxyClass",
                        MethodType.methodType(Class.class, String[].class));
                FILTER_CHECK = input.findVirtual(ObjectInputStream.class, "filterCheck",
                        MethodType.methodType(void.class, Class.class, int.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** {@code ObjectOutputStream}'s overridable annotation methods. */
    private static final class Output {
        static final MethodHandle ANNOTATE_CLASS;
        static final MethodHandle ANNOTATE_PROXY_CLASS;

        static {
            try {
                MethodHandles.Lookup output = MethodHandles.privateLookupIn(ObjectOutputStream.class,
                        MethodHandles.lookup());
                ANNOTATE_CLASS = output.findVirtual(ObjectOutputStream.class, "annotateClass",
                        MethodType.methodType(void.class, Class.class));
                ANNOTATE_PROXY_CLASS = output.findVirtual(ObjectOutputStream.class, "annotateProxyClass",
                        MethodType.methodType(void.class, Class.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** {@code ObjectStreamClass}'s: {@code writeReplace}, a blank descriptor, and what a descriptor says. */
    private static final class Descriptors {
        static final MethodHandle INVOKE_WRITE_REPLACE;
        static final MethodHandle INVOKE_READ_RESOLVE;
        static final VarHandle DESCRIPTOR_NAME;
        static final VarHandle DESCRIPTOR_SUID;
        static final VarHandle DESCRIPTOR_FIELDS;
        static final MethodHandle NEW_DESCRIPTOR;

        static {
            try {
                MethodHandles.Lookup descriptors = MethodHandles.privateLookupIn(ObjectStreamClass.class,
                        MethodHandles.lookup());
                INVOKE_WRITE_REPLACE = descriptors.findVirtual(ObjectStreamClass.class, "invokeWriteReplace",
                        MethodType.methodType(Object.class, Object.class));
                INVOKE_READ_RESOLVE = descriptors.findVirtual(ObjectStreamClass.class, "invokeReadResolve",
                        MethodType.methodType(Object.class, Object.class));
                DESCRIPTOR_NAME = descriptors.findVarHandle(ObjectStreamClass.class, "name", String.class);
                DESCRIPTOR_SUID = descriptors.findVarHandle(ObjectStreamClass.class, "suid", Long.class);
                DESCRIPTOR_FIELDS = descriptors.findVarHandle(ObjectStreamClass.class, "fields",
                        ObjectStreamField[].class);
                NEW_DESCRIPTOR = descriptors.findConstructor(ObjectStreamClass.class,
                        MethodType.methodType(void.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * The loader {@code ObjectInputStream.resolveClass} resolves names with: the first loader on the stack that is
     * neither the boot nor the platform loader (Ferry's own frames are boot frames and do not count).
     */
    public static ClassLoader latestUserDefinedLoader() {
        try {
            return (ClassLoader) Vm.LATEST_USER_DEFINED_LOADER.invokeExact();
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
    public static void putStatic(Field field, Object value) {
        try {
            Object base = Vm.STATIC_FIELD_BASE.invoke(Vm.UNSAFE, field);
            long offset = (long) Vm.STATIC_FIELD_OFFSET.invoke(Vm.UNSAFE, field);
            Class<?> type = field.getType().isPrimitive() ? field.getType() : Object.class;
            Vm.PUT_VOLATILE.get(type).invoke(Vm.UNSAFE, base, offset, value);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set static field " + field, e);
        }
    }

    /** Whether the class has not been initialized yet (so no generator has set any of its static fields). */
    public static boolean isUninitialized(Class<?> type) {
        try {
            return (boolean) Vm.SHOULD_BE_INITIALIZED.invoke(Vm.UNSAFE, type);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the stream is resolving a class descriptor whose annotation starts with {@code marker}, told without
     * consuming anything: the stream is in block-data mode (as {@code readNonProxyDesc} sets it before
     * {@code resolveClass}) and its buffered block starts with the marker.
     */
    public static boolean annotationStartsWith(ObjectInputStream in, byte[] marker) {
        try {
            Object bin = Input.INPUT_BIN.invokeExact(in);
            if (!(boolean) Input.BLOCK_DATA_MODE.invokeExact(bin)
                    || (int) Input.BLOCK_PEEK.invokeExact(bin) != (marker[0] & 0xFF)) {
                return false;
            }
            // peek filled the buffer with the block's first bytes; a writer puts the whole marker in one block
            byte[] buffer = (byte[]) Input.BLOCK_BUFFER.get(bin);
            int position = (int) Input.BLOCK_POSITION.get(bin);
            int end = (int) Input.BLOCK_END.get(bin);
            if (end - position < marker.length) {
                return false;
            }
            for (int i = 1; i < marker.length; i++) {
                if (buffer[position + i] != marker[i]) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false; // the JDK's own read of the annotation will meet the same failure and report it
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Skips what is left of the block data of the annotation being read. {@code ObjectInputStream} replaces an
     * exception thrown while a block still holds unread bytes by {@code IllegalStateException: unread block data}: a
     * refusal must leave none, so the caller sees the refusal.
     */
    public static void discardBlockData(ObjectInputStream in) {
        try {
            Object bin = Input.INPUT_BIN.invokeExact(in);
            if ((boolean) Input.BLOCK_DATA_MODE.invokeExact(bin)) {
                Input.SKIP_BLOCK_DATA.invokeExact(bin);
            }
        } catch (Throwable ignored) {
            // the stream is broken anyway; the original failure is what the caller needs to see
        }
    }

    /** {@code in.resolveClass(descriptor)}, as the stream's own class implements it. */
    public static Class<?> resolveClass(ObjectInputStream in, ObjectStreamClass descriptor)
            throws java.io.IOException, ClassNotFoundException {
        try {
            return (Class<?>) Input.RESOLVE_CLASS.invokeExact(in, descriptor);
        } catch (java.io.IOException | ClassNotFoundException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Resolves a class the stream names only by name, as it resolves the class of a descriptor it reads: the stream's
     * own {@code resolveClass}, given a descriptor of that name (no fields, {@code serialVersionUID} 0, as a class that
     * is not serializable is described), then the stream's {@code ObjectInputFilter}, as the JDK applies it to every
     * class it reads. A lambda's wire class names its capturing class this way.
     *
     * @throws java.io.InvalidClassException when the filter rejects the class
     */
    public static Class<?> resolveByName(ObjectInputStream in, String name)
            throws java.io.IOException, ClassNotFoundException {
        ObjectStreamClass descriptor;
        try {
            descriptor = (ObjectStreamClass) Descriptors.NEW_DESCRIPTOR.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        Descriptors.DESCRIPTOR_NAME.set(descriptor, name);
        Descriptors.DESCRIPTOR_SUID.set(descriptor, Long.valueOf(0L));
        Descriptors.DESCRIPTOR_FIELDS.set(descriptor, ObjectStreamClass.NO_FIELDS);
        Class<?> resolved = resolveClass(in, descriptor);
        try {
            Input.FILTER_CHECK.invokeExact(in, resolved, -1);
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return resolved;
    }

    /** {@code in.resolveProxyClass(interfaces)}, as the stream's own class implements it. */
    public static Class<?> resolveProxyClass(ObjectInputStream in, String[] interfaces)
            throws java.io.IOException, ClassNotFoundException {
        try {
            return (Class<?>) Input.RESOLVE_PROXY_CLASS.invokeExact(in, interfaces);
        } catch (java.io.IOException | ClassNotFoundException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code out.annotateClass(type)}, as the stream's own class implements it. */
    public static void annotateClass(ObjectOutputStream out, Class<?> type) throws java.io.IOException {
        try {
            Output.ANNOTATE_CLASS.invokeExact(out, type);
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code out.annotateProxyClass(type)}, as the stream's own class implements it. */
    public static void annotateProxyClass(ObjectOutputStream out, Class<?> type) throws java.io.IOException {
        try {
            Output.ANNOTATE_PROXY_CLASS.invokeExact(out, type);
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code descriptor.invokeWriteReplace(object)}: the object's own {@code writeReplace}. */
    public static Object invokeWriteReplace(ObjectStreamClass descriptor, Object object) throws java.io.IOException {
        try {
            return (Object) Descriptors.INVOKE_WRITE_REPLACE.invokeExact(descriptor, object);
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a descriptor read from a stream describe a local class of another name: {@code name}, and the
     * {@code serialVersionUID} when {@code suid} is not null. Only for a descriptor no one else holds yet.
     */
    public static void renameDescriptor(ObjectStreamClass descriptor, String name, Long suid) {
        Descriptors.DESCRIPTOR_NAME.setVolatile(descriptor, name);
        if (suid != null) {
            Descriptors.DESCRIPTOR_SUID.setVolatile(descriptor, suid);
        }
    }

    /**
     * {@code jdk.internal.misc.VM.getRuntimeArguments()}: the JVM's own arguments, {@code JAVA_TOOL_OPTIONS}
     * included; empty when the JVM does not tell them (seen in a JVM Ferry was attached to). Asked once, at
     * installation, by reflection: making the method handles of {@code VM} and {@code Unsafe} would cost more.
     */
    public static List<String> runtimeArguments() {
        try {
            String[] arguments = (String[]) Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments")
                    .invoke(null);
            return arguments == null ? List.of() : List.of(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a JDK internal Ferry relies on is missing: " + e, e);
        }
    }

    /** {@code descriptor.invokeReadResolve(object)}: the object's own {@code readResolve}. */
    public static Object invokeReadResolve(ObjectStreamClass descriptor, Object object) throws java.io.IOException {
        try {
            return (Object) Descriptors.INVOKE_READ_RESOLVE.invokeExact(descriptor, object);
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java.lang.Class}'s and {@code SerializedLambda}'s fields. */
    private static final class Classes {
        static final VarHandle REDEFINED_COUNT;
        static final MethodHandle CAPTURING_CLASS;

        static {
            try {
                REDEFINED_COUNT = MethodHandles.privateLookupIn(Class.class, MethodHandles.lookup())
                        .findVarHandle(Class.class, "classRedefinedCount", int.class);
                // no Lookup may be had in java.lang.invoke itself: the field, made accessible (the package is open
                // to Ferry)
                Field capturingClass = SerializedLambda.class.getDeclaredField("capturingClass");
                capturingClass.setAccessible(true);
                CAPTURING_CLASS = MethodHandles.lookup().unreflectGetter(capturingClass)
                        .asType(MethodType.methodType(Class.class, SerializedLambda.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * {@code Class.classRedefinedCount}: how often the JVM redefined or retransformed the class (HotSpot counts each
     * time it replaces the class's bytecode, and nothing else).
     */
    public static int redefinitionCount(Class<?> type) {
        return (int) Classes.REDEFINED_COUNT.getVolatile(type);
    }

    /** {@code SerializedLambda.capturingClass}: the class the stream named, as the stream resolved it. */
    public static Class<?> capturingClass(SerializedLambda serialized) {
        try {
            return (Class<?>) Classes.CAPTURING_CLASS.invokeExact(serialized);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ManagementFactory.platformMBeanServer}: whether the platform MBean server exists already. */
    public static boolean platformMBeanServerExists(Class<?> managementFactory) {
        try {
            Field server = managementFactory.getDeclaredField("platformMBeanServer");
            server.setAccessible(true);
            return server.get(null) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
