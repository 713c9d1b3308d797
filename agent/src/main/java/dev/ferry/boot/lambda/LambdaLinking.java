package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * Ferry's hook in {@code LambdaMetafactory}, where every lambda call site of the JVM links: a call site of a class Ferry
 * prepares ({@link CallSiteTables#prepares}) is linked by the JDK's own metafactory, marked serializable. The lambda is
 * the JDK's lambda, captured and called exactly as without Ferry; it gains a {@code writeReplace} that Ferry's hook in
 * {@code ObjectOutputStream} turns into the call site's wire form ({@link LambdaWriting}). No application class is
 * changed to get there: a class's call sites are read from its class file only when one of its lambdas is written or
 * read (docs/how-it-works.md, "Where a lambda becomes serializable").
 *
 * <p>Ferry's transformer changes two methods of {@code LambdaMetafactory}: {@code metafactory}'s body becomes a call of
 * {@link #metafactory}, which goes through {@code altMetafactory} with no flag, and {@code altMetafactory}'s null checks
 * of its factory type and arguments become a call of {@link #arguments}, whose result replaces the arguments. Call
 * sites of every other class link exactly as the JDK links them.
 */
public final class LambdaLinking {

    private static final int FLAGS = 3;
    private static final Integer NO_FLAGS = 0;

    private LambdaLinking() {
    }

    /** The body of {@code LambdaMetafactory.metafactory}: its call site, with no flag of {@code altMetafactory}'s. */
    public static CallSite metafactory(MethodHandles.Lookup caller, String samName, MethodType factoryType,
            MethodType samType, MethodHandle implementation, MethodType instantiatedType)
            throws LambdaConversionException {
        return LambdaMetafactory.altMetafactory(caller, samName, factoryType, samType, implementation,
                instantiatedType, NO_FLAGS);
    }

    /**
     * In {@code LambdaMetafactory.altMetafactory}, after its null check of {@code caller}: checks the factory type and
     * the arguments for null as the JDK did, and returns the arguments to link with: marked serializable when the
     * caller is a class Ferry prepares and the call site is not serializable already, else the arguments as given.
     * Never throws for any other reason: a class Ferry cannot decide about links as without Ferry.
     */
    public static Object[] arguments(MethodHandles.Lookup caller, MethodType factoryType, Object[] arguments) {
        Objects.requireNonNull(factoryType);
        Objects.requireNonNull(arguments);
        try {
            if (arguments.length > FLAGS && arguments[FLAGS] instanceof Integer
                    && ((Integer) arguments[FLAGS] & LambdaMetafactory.FLAG_SERIALIZABLE) == 0
                    && CallSiteTables.prepares(caller.lookupClass())) {
                Object[] serializable = arguments.clone();
                serializable[FLAGS] = (Integer) arguments[FLAGS] | LambdaMetafactory.FLAG_SERIALIZABLE;
                AgentCounters.callSiteLinked();
                return serializable;
            }
        } catch (RuntimeException | LinkageError failure) {
            AgentCounters.linkFailed(caller.lookupClass().getName(), failure);
        }
        return arguments;
    }
}
