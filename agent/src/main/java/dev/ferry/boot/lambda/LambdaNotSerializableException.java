package dev.ferry.boot.lambda;

import java.io.NotSerializableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A lambda captured (directly or deeper down) an object that cannot be serialized. The message names that object's
 * class, the lambda (capturing class and method) and the path from the lambda to the object, like Spark's
 * serialization debugger, so the fix is obvious without {@code -Dsun.io.serialization.extendedDebugInfo}.
 */
public final class LambdaNotSerializableException extends NotSerializableException {

    private static final long serialVersionUID = 1L;

    private final String offendingClass;
    private final Deque<String> path = new ArrayDeque<>();

    private LambdaNotSerializableException(String offendingClass) {
        super(offendingClass);
        this.offendingClass = offendingClass;
    }

    /** Adds this lambda's step to the path of {@code failure}, which happened writing captured value {@code index}. */
    static LambdaNotSerializableException of(NotSerializableException failure, LambdaSite site, int index,
            Object value) {
        LambdaNotSerializableException e;
        if (failure instanceof LambdaNotSerializableException) {
            e = (LambdaNotSerializableException) failure;
        } else {
            e = new LambdaNotSerializableException(failure.getMessage());
            e.initCause(failure);
            List<String> inside = value == null ? List.of() : ObjectGraphPath.find(value, failure.getMessage());
            for (int i = inside.size() - 1; i >= 0; i--) {
                e.path.addFirst(inside.get(i));
            }
        }
        e.path.addFirst(index < 0 ? "a captured value" : "captured value " + index + " (" + typeName(value) + ")");
        e.path.addFirst(site.describe());
        return e;
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        // a captured lambda is described by its own step; its class name says nothing useful
        return value.getClass().isHidden() || WireClasses.isWireClass(value.getClass()) ? "a lambda"
                : value.getClass().getName();
    }

    /** The class that is not serializable. */
    public String offendingClass() {
        return offendingClass;
    }

    @Override
    public String getMessage() {
        return offendingClass + " is not serializable, and a lambda captured it: " + String.join(" -> ", path);
    }
}
