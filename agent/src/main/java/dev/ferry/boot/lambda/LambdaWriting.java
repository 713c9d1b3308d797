package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;

/**
 * The writer's half of lambdas. A prepared call site's lambda is the JDK's own, made serializable; its
 * {@code writeReplace} gives a {@link SerializedLambda}, which Ferry's hook in {@code ObjectOutputStream} hands here and
 * which becomes an instance of the call site's wire class holding the same captured values ({@link #replace}). The
 * wire class's descriptor then carries the call site ({@link #writeCallSite}).
 */
public final class LambdaWriting {

    /**
     * Where a lambda class came from; {@link #NOT_FERRY} for lambdas of call sites Ferry did not prepare; a failure
     * when its class is prepared but Ferry cannot name the call site.
     */
    private record Origin(LambdaSites sites, int position, String failure) {
    }

    private static final Origin NOT_FERRY = new Origin(null, -1, null);

    /** The lambda being replaced on this thread, for {@link #ORIGINS}' first look at its class. */
    private static final ThreadLocal<SerializedLambda> REPLACING = new ThreadLocal<>();

    private static final ClassValue<Origin> ORIGINS = new ClassValue<>() {
        @Override
        protected Origin computeValue(Class<?> lambdaClass) {
            SerializedLambda serialized = REPLACING.get();
            if (serialized == null) {
                return NOT_FERRY;
            }
            Class<?> capturingClass;
            try {
                capturingClass = Class.forName(serialized.getCapturingClass().replace('/', '.'), false,
                        lambdaClass.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return NOT_FERRY;
            }
            LambdaSites sites;
            try {
                sites = LambdaSites.of(capturingClass);
                int position = sites == null ? LambdaSites.JAVAC_SERIALIZABLE
                        : sites.positionOf(lambdaClass, serialized);
                if (position == LambdaSites.NO_CALL_SITE) {
                    LambdaSites reread = LambdaSites.reread(capturingClass);
                    if (reread != null) {
                        sites = reread;
                        position = sites.positionOf(lambdaClass, serialized);
                    }
                }
                if (position == LambdaSites.NO_CALL_SITE) {
                    return new Origin(null, position, "no lambda call site of " + capturingClass.getName()
                            + " makes it (" + serialized.getImplMethodName() + " as "
                            + serialized.getFunctionalInterfaceClass().replace('/', '.') + "): a lambda made by"
                            + " calling LambdaMetafactory directly with that class's lookup is not a call site Ferry"
                            + " can name");
                }
                return position < 0 ? NOT_FERRY : new Origin(sites, position, null);
            } catch (RuntimeException unreadable) {
                AgentCounters.transformFailed(capturingClass.getName(), unreadable);
                return new Origin(null, LambdaSites.NO_CALL_SITE, "Ferry cannot read the lambda call sites of "
                        + capturingClass.getName() + ": " + unreadable.getMessage());
            }
        }
    };

    /**
     * How a lambda class's lambdas become wire objects without their {@code writeReplace} (a reflective call that
     * makes a {@code SerializedLambda} each time): set once {@link #replace} has seen one of them.
     */
    private static final class Direct {
        volatile Replacer replacer;
    }

    private static final ClassValue<Direct> DIRECT = new ClassValue<>() {
        @Override
        protected Direct computeValue(Class<?> type) {
            return new Direct();
        }
    };

    /** Reads a lambda's captured values from its fields and makes the wire object; {@link #NONE} makes none. */
    private static final class Replacer {
        private final MethodHandle[] getters;
        private final MethodHandle constructor;

        Replacer(MethodHandle[] getters, MethodHandle constructor) {
            this.getters = getters;
            this.constructor = constructor;
        }

        Object replace(Object lambda) {
            if (constructor == null) {
                return null;
            }
            Object[] captured = new Object[getters.length];
            try {
                for (int i = 0; i < captured.length; i++) {
                    captured[i] = (Object) getters[i].invokeExact(lambda);
                }
                return (Object) constructor.invokeExact(captured);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Replacer NONE = new Replacer(new MethodHandle[0], null);

    private LambdaWriting() {
    }

    /**
     * The wire object of a lambda whose class {@link #replace} has seen, made from the lambda's fields; null when the
     * lambda must go through its {@code writeReplace} (a class not seen yet, or not Ferry's).
     */
    public static Object replaceDirectly(Object lambda) {
        Replacer replacer = DIRECT.get(lambda.getClass()).replacer;
        Object wire = replacer == null ? null : replacer.replace(lambda);
        if (wire != null) {
            AgentCounters.lambdaWritten();
        }
        return wire;
    }

    /**
     * What is written in place of {@code lambda}: an instance of its call site's wire class, or {@code serialized}
     * itself (the JDK's serial form) when the lambda comes from a call site Ferry did not prepare.
     *
     * @throws NotSerializableException when Ferry cannot make the call site's wire class
     */
    public static Object replace(Object lambda, SerializedLambda serialized) throws IOException {
        Origin origin;
        REPLACING.set(serialized);
        try {
            origin = ORIGINS.get(lambda.getClass());
        } finally {
            REPLACING.remove();
        }
        if (origin == NOT_FERRY) {
            return serialized;
        }
        if (origin.failure() != null) {
            throw new NotSerializableException(lambda.getClass().getName() + ": " + origin.failure());
        }
        try {
            WireClasses.wireClass(origin.sites(), origin.position());
        } catch (InvalidClassException e) {
            NotSerializableException failed = new NotSerializableException(lambda.getClass().getName()
                    + ": Ferry could not make the class this lambda travels as: " + e.getMessage());
            failed.initCause(e);
            throw failed;
        }
        Object[] captured = new Object[serialized.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = serialized.getCapturedArg(i);
        }
        MethodHandle constructor = origin.sites().wireConstructor(origin.position());
        Object wire;
        try {
            wire = (Object) constructor.invokeExact(captured);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        Direct direct = DIRECT.get(lambda.getClass());
        if (direct.replacer == null) {
            direct.replacer = replacerOf(lambda, serialized, origin, constructor);
        }
        AgentCounters.lambdaWritten();
        return wire;
    }

    /**
     * Reads the captured values from the lambda class's fields, {@code arg$1..n} as the JDK names them, when Ferry may
     * read them and they are what {@code writeReplace} gave; else {@link #NONE}, and the lambdas of the class keep
     * going through their {@code writeReplace}.
     */
    private static Replacer replacerOf(Object lambda, SerializedLambda serialized, Origin origin,
            MethodHandle constructor) {
        try {
            Class<?> lambdaClass = lambda.getClass();
            LambdaSite site = origin.sites().site(origin.position());
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(lambdaClass, MethodHandles.lookup());
            MethodHandle[] getters = new MethodHandle[serialized.getCapturedArgCount()];
            for (int i = 0; i < getters.length; i++) {
                getters[i] = lookup.findGetter(lambdaClass, WireClasses.field(i), site.capturedType(i))
                        .asType(MethodType.methodType(Object.class, Object.class));
                Object read = (Object) getters[i].invokeExact(lambda);
                Object given = serialized.getCapturedArg(i);
                if (read != given && (read == null || !site.capturedType(i).isPrimitive() || !read.equals(given))) {
                    return NONE;
                }
            }
            return new Replacer(getters, constructor);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a lambda class of another shape, or one Ferry may not read (a module not open to it): writeReplace stays
            return NONE;
        }
    }

    /** The capturing class of a wire class; null for any other class. */
    public static Class<?> capturingClassOf(Class<?> type) {
        WireClasses.WireSite site = WireClasses.siteOf(type);
        return site == null ? null : site.sites().capturingClass();
    }

    /**
     * The call site a wire class stands for, as its descriptor's annotation carries it: the call site's signature hash
     * (block data). The wire class's name says the rest: the capturing class, which the reader resolves the way its
     * stream resolves classes (by that name, or, when it does not travel by name, as the {@code Class} object the
     * caller writes next), and the writer's index of the call site.
     *
     * @return false when {@code type} is not a wire class
     */
    public static boolean writeCallSite(ObjectOutput out, Class<?> type) throws IOException {
        WireClasses.WireSite site = WireClasses.siteOf(type);
        if (site == null) {
            return false;
        }
        out.writeInt(site.sites().symbolic(site.position()).hash());
        return true;
    }
}
