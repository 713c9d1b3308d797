package dev.ferry.boot.lambda;

import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.InvalidObjectException;
import java.lang.invoke.SerializedLambda;

/**
 * Called by the {@code $deserializeLambda$} Ferry gives each prepared class, when a {@code SerializedLambda} names a
 * call site the class does not have. {@code SerializedLambda}'s constructor is public, so anyone can write one naming
 * any method: a class without javac's own {@code $deserializeLambda$} has no serializable lambda at all, and javac's
 * accepts only its own call sites (DESIGN.md facts 4 and 5). Either way nothing the stream names is linked or run.
 */
public final class SerializedLambdaGate {

    private SerializedLambdaGate() {
    }

    /** The class has no serializable lambda: every SerializedLambda naming it is refused. */
    public static Object refuse(SerializedLambda forged) throws InvalidObjectException {
        throw refusal(forged, "it has no serializable lambda (its lambdas travel as Ferry recipes)", null);
    }

    /** javac's {@code $deserializeLambda$} did not recognize the call site. */
    public static Object refuse(SerializedLambda forged, Throwable javacRefusal) throws InvalidObjectException {
        throw refusal(forged, "javac's $deserializeLambda$ knows no such serializable lambda", javacRefusal);
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
