package dev.ferry.boot.lambda;

import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.InvalidObjectException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.SerializedLambda;

/**
 * Called by the {@code $deserializeLambda$} Ferry gives each prepared class. {@code SerializedLambda}'s constructor is
 * public, so anyone can write one naming any method, and {@code SerializedLambda.readResolve} hands it to the class it
 * names: a class without javac's own {@code $deserializeLambda$} has no serializable lambda at all (Ferry's lambdas
 * never travel as {@code SerializedLambda}s), and javac's accepts only javac's own call sites. Either way nothing the
 * stream names is linked or run unless javac compiled it as serializable.
 */
public final class SerializedLambdaGate {

    private SerializedLambdaGate() {
    }

    /** The class has no serializable lambda: every SerializedLambda naming it is refused. */
    public static Object refuse(SerializedLambda forged) throws InvalidObjectException {
        throw refusal(forged, "it has no serializable lambda (its lambdas travel in Ferry's wire form)", null);
    }

    /**
     * The class has javac's {@code $deserializeLambda$} too (renamed {@code $deserializeLambda$javac}, passed here as
     * a constant method handle): javac's lambdas deserialize exactly as before, and what javac refuses is refused
     * with Ferry's message.
     */
    public static Object chain(SerializedLambda serialized, MethodHandle javac) throws InvalidObjectException {
        try {
            return (Object) javac.invokeExact(serialized);
        } catch (IllegalArgumentException javacRefusal) {
            // javac's method throws IllegalArgumentException("Invalid lambda deserialization") for what it does not know
            throw refusal(serialized, "javac's $deserializeLambda$ knows no such serializable lambda", javacRefusal);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidObjectException refusal(SerializedLambda forged, String why, Throwable cause) {
        return Refusals.invalidObject(RefusalReason.SERIALIZED_LAMBDA, Printable.className(forged.getCapturingClass()),
                "refused SerializedLambda: "
                + Printable.className(forged.getImplClass()) + "." + Printable.of(forged.getImplMethodName())
                + Printable.of(forged.getImplMethodSignature()) + " as "
                + Printable.className(forged.getFunctionalInterfaceClass()) + "."
                + Printable.of(forged.getFunctionalInterfaceMethodName())
                + Printable.of(forged.getFunctionalInterfaceMethodSignature()) + " (instantiated "
                + Printable.of(forged.getInstantiatedMethodType()) + ") is not a lambda call site of "
                + Printable.className(forged.getCapturingClass()) + ": " + why + "; nothing was linked or run",
                cause);
    }
}
