package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap methods a prepared class's lambda call sites link through instead of {@code LambdaMetafactory}'s:
 * same signatures, so preparing a class only repoints its bootstrap method constants.
 *
 * <p>Each links the call site with the JDK's own {@code LambdaMetafactory}, marked serializable: the lambda is the
 * JDK's lambda, captured and called exactly as without Ferry, and it gains a {@code writeReplace} that Ferry's hook
 * in {@code ObjectOutputStream} turns into the call site's wire form ({@link LambdaWriting}). If the JDK refuses the
 * serializable form, the call site is linked as javac wrote it and the failure counted: the application always gets a
 * working lambda.
 */
public final class LambdaBootstrap {

    private static final int FLAGS = 3;

    private LambdaBootstrap() {
    }

    /** In place of {@link LambdaMetafactory#metafactory}. */
    public static CallSite metafactory(MethodHandles.Lookup caller, String samName, MethodType factoryType,
            MethodType samType, MethodHandle implementation, MethodType instantiatedType)
            throws LambdaConversionException {
        try {
            CallSite site = LambdaMetafactory.altMetafactory(caller, samName, factoryType, samType, implementation,
                    instantiatedType, LambdaMetafactory.FLAG_SERIALIZABLE);
            AgentCounters.callSiteLinked();
            return site;
        } catch (LambdaConversionException | RuntimeException | LinkageError failure) {
            AgentCounters.linkFailed(caller.lookupClass().getName(), failure);
            return LambdaMetafactory.metafactory(caller, samName, factoryType, samType, implementation,
                    instantiatedType);
        }
    }

    /** In place of {@link LambdaMetafactory#altMetafactory}, for call sites javac did not make serializable. */
    public static CallSite altMetafactory(MethodHandles.Lookup caller, String samName, MethodType factoryType,
            Object... arguments) throws LambdaConversionException {
        Object[] serializable = arguments.clone();
        try {
            serializable[FLAGS] = (Integer) arguments[FLAGS] | LambdaMetafactory.FLAG_SERIALIZABLE;
            CallSite site = LambdaMetafactory.altMetafactory(caller, samName, factoryType, serializable);
            AgentCounters.callSiteLinked();
            return site;
        } catch (LambdaConversionException | RuntimeException | LinkageError failure) {
            AgentCounters.linkFailed(caller.lookupClass().getName(), failure);
            return LambdaMetafactory.altMetafactory(caller, samName, factoryType, arguments);
        }
    }
}
