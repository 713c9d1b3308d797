package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.InvalidObjectException;
import java.lang.invoke.SerializedLambda;

/**
 * Checks a {@code SerializedLambda} read from a stream before its {@code readResolve} runs (Ferry's hook in
 * {@code ObjectInputStream}). {@code SerializedLambda}'s constructor is public, so anyone can write one naming any
 * method, and {@code readResolve} hands it to the class it names. For a class Ferry prepares, whose lambdas link
 * serializable, only a call site javac itself compiled as serializable may be named: Ferry's lambdas never travel as
 * {@code SerializedLambda}s. Anything else is refused with a message naming the method, before the class's
 * {@code $deserializeLambda$} is even looked up; nothing is linked or run. A class Ferry does not prepare is left to
 * the JDK, exactly as without Ferry.
 */
public final class SerializedLambdaGate {

    private SerializedLambdaGate() {
    }

    /** @throws InvalidObjectException when a prepared class has no such javac-serializable call site */
    public static void check(SerializedLambda serialized) throws InvalidObjectException {
        Class<?> capturingClass = JdkInternals.capturingClass(serialized);
        if (capturingClass == null) {
            return;
        }
        LambdaSites sites;
        try {
            sites = LambdaSites.of(capturingClass);
        } catch (RuntimeException unreadable) {
            return; // its class file cannot be had: the JDK and javac's own method decide, as without Ferry
        }
        if (sites == null || sites.isJavacSerializable(serialized)) {
            return;
        }
        throw refusal(serialized, sites.hasJavacSerializable()
                ? "javac's $deserializeLambda$ knows no such serializable lambda"
                : "it has no serializable lambda (its lambdas travel in Ferry's wire form)");
    }

    private static InvalidObjectException refusal(SerializedLambda forged, String why) {
        return Refusals.invalidObject(RefusalReason.SERIALIZED_LAMBDA, Printable.className(forged.getCapturingClass()),
                "refused SerializedLambda: "
                + Printable.className(forged.getImplClass()) + "." + Printable.of(forged.getImplMethodName())
                + Printable.of(forged.getImplMethodSignature()) + " as "
                + Printable.className(forged.getFunctionalInterfaceClass()) + "."
                + Printable.of(forged.getFunctionalInterfaceMethodName())
                + Printable.of(forged.getFunctionalInterfaceMethodSignature()) + " (instantiated "
                + Printable.of(forged.getInstantiatedMethodType()) + ") is not a lambda call site of "
                + Printable.className(forged.getCapturingClass()) + ": " + why + "; nothing was linked or run",
                null);
    }
}
