package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.SerializedLambda;

/**
 * The writer's half of lambdas. A prepared call site's lambda is the JDK's own, made serializable; its
 * {@code writeReplace} gives a {@link SerializedLambda}, which Ferry's hook in {@code ObjectOutputStream} hands here and
 * which becomes an instance of the call site's wire class holding the same captured values ({@link #replace}). The
 * wire class's descriptor then carries the call site ({@link #writeCallSite}).
 */
public final class LambdaWriting {

    /** Where a lambda class came from; {@link #NOT_FERRY} for lambdas of call sites Ferry did not prepare. */
    private record Origin(LambdaSites sites, int position) {
    }

    private static final Origin NOT_FERRY = new Origin(null, -1);

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
            LambdaSites sites = LambdaSites.of(capturingClass);
            int position = sites == null ? -1 : sites.positionOf(lambdaClass, serialized);
            return position < 0 ? NOT_FERRY : new Origin(sites, position);
        }
    };

    private LambdaWriting() {
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
        AgentCounters.lambdaWritten();
        return wire;
    }

    /**
     * The call site a wire class stands for, as its descriptor's annotation carries it: the writer's index and the
     * call site's signature hash (block data), then the capturing class as a {@code Class} object, so that the
     * reader resolves it the way its stream resolves classes.
     *
     * @return false when {@code type} is not a wire class
     */
    public static boolean writeCallSite(ObjectOutput out, Class<?> type) throws IOException {
        WireClasses.WireSite site = WireClasses.siteOf(type);
        if (site == null) {
            return false;
        }
        SymbolicCallSite symbolic = site.sites().symbolic(site.position());
        out.writeShort(symbolic.index());
        out.writeInt(symbolic.hash());
        out.writeObject(site.sites().capturingClass());
        return true;
    }
}
