package dev.ferry.boot.wire;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The head of Ferry's class annotation: the marker {@code F5 46 52 59}, the format (3), the kind of recipe that
 * follows, and the array dimensions of the descriptor's class (its component type is what the recipe describes).
 * Everything Ferry writes into a stream sits behind this head, in the annotation the serialization protocol keeps
 * after each class descriptor (RMI puts its codebase there). A JVM without Ferry skips annotations, so it reads such
 * streams exactly as before, and fails on a class it cannot find by name as before.
 */
final class Annotation {

    static final byte[] MARKER = {(byte) 0xF5, 'F', 'R', 'Y'};
    static final int FORMAT = 3;

    /**
     * A lambda call site ({@code dev.ferry.boot.lambda.LambdaWriting#writeCallSite}) whose capturing class the reader
     * resolves by the name the wire class's name gives.
     */
    static final int LAMBDA = 1;
    /** A class shipped by value: its recipe. */
    static final int BY_VALUE = 2;
    /** A class a registered generator made: its specialization recipe. */
    static final int SPECIALIZATION = 3;
    /** A generated class written by name, because the writer has no key to ship it by value. */
    static final int NO_KEY = 4;
    /** A generated class written by name, because it cannot be shipped: why (UTF). */
    static final int UNAVAILABLE = 5;
    /** A {@code java.lang.reflect.Proxy} class's interfaces, some of them shipped by value. */
    static final int PROXY = 6;
    /**
     * A lambda call site followed by its capturing class as a {@code Class} object, with a descriptor of its own: when
     * the class does not travel by name (it is shipped by value, or a specialization), and when the writing stream
     * annotates classes itself (RMI's codebase), whose reading stream may expect that annotation wherever it resolves
     * a class.
     */
    static final int LAMBDA_WITH_CLASS_OBJECT = 7;

    private Annotation() {
    }

    static void writeHead(ObjectOutput out, int kind, int dimensions) throws IOException {
        out.write(MARKER);
        out.writeByte(FORMAT);
        out.writeByte(kind);
        out.writeByte(dimensions);
    }

    /**
     * Reads the head (the caller saw the marker) and returns the kind; the dimensions follow.
     *
     * @throws InvalidClassException when the annotation is of another format
     */
    static int readHead(ObjectInput in, String className) throws IOException {
        in.readFully(new byte[MARKER.length]);
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(className), "its Ferry class"
                    + " annotation is of format " + format + ", this Ferry reads format " + FORMAT + " (the writer runs"
                    + " another version of Ferry)");
        }
        return in.readUnsignedByte();
    }
}
