package dev.ferry.boot.wire;

import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.lambda.LambdaWriting;
import dev.ferry.boot.lambda.SerializedLambdaGate;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.invoke.SerializedLambda;

/**
 * Where Ferry meets Java serialization: six calls in {@code java.io} that Ferry's transformer replaces by calls of
 * these methods, each of which does Ferry's part and then what the replaced call did. They sit where the JDK itself
 * writes and reads a class descriptor, not inside the methods a stream subclass overrides, so streams whose
 * {@code resolveClass} or {@code annotateClass} never calls {@code super} (Hazelcast's, Spring's, RMI's) read and
 * write Ferry's recipes like any other:
 * <ul>
 *   <li>{@code ObjectOutputStream.writeObject0}: {@code desc.invokeWriteReplace(obj)} becomes
 *       {@link #writeReplace}, which turns a Ferry lambda into its call site's wire object;</li>
 *   <li>{@code writeNonProxyDesc}/{@code writeProxyDesc}: {@code annotateClass}/{@code annotateProxyClass} become
 *       {@link #annotateClass}/{@link #annotateProxyClass}, which write Ferry's recipe first, then call the
 *       stream's own method;</li>
 *   <li>{@code ObjectInputStream.readNonProxyDesc}/{@code readProxyDesc}: {@code resolveClass}/{@code resolveProxyClass}
 *       become {@link #resolveClass}/{@link #resolveProxyClass}, which read Ferry's recipe when the annotation starts
 *       with its marker, and otherwise call the stream's own method exactly as before;</li>
 *   <li>{@code ObjectInputStream.readOrdinaryObject}: {@code desc.invokeReadResolve(obj)} becomes {@link #readResolve},
 *       which checks a {@code SerializedLambda} before it resolves.</li>
 * </ul>
 */
public final class StreamHooks {

    private StreamHooks() {
    }

    /** In place of {@code desc.invokeWriteReplace(obj)} in {@code ObjectOutputStream.writeObject0}. */
    public static Object writeReplace(ObjectStreamClass descriptor, Object object) throws IOException {
        Object wire = LambdaWriting.replaceDirectly(object);
        if (wire != null) {
            return wire;
        }
        Object replacement = JdkInternals.invokeWriteReplace(descriptor, object);
        if (replacement instanceof SerializedLambda) {
            return LambdaWriting.replace(object, (SerializedLambda) replacement);
        }
        return replacement;
    }

    /**
     * In place of {@code desc.invokeReadResolve(obj)} in {@code ObjectInputStream.readOrdinaryObject}: a
     * {@code SerializedLambda} is checked before its {@code readResolve} hands it to the class it names
     * ({@link SerializedLambdaGate}).
     */
    public static Object readResolve(ObjectStreamClass descriptor, Object object) throws IOException {
        if (object instanceof SerializedLambda) {
            SerializedLambdaGate.check((SerializedLambda) object);
        }
        return JdkInternals.invokeReadResolve(descriptor, object);
    }

    /** In place of {@code annotateClass(cl)} in {@code ObjectOutputStream.writeNonProxyDesc}. */
    public static void annotateClass(ObjectOutputStream out, Class<?> type) throws IOException {
        ClassAnnotations.write(out, type);
        JdkInternals.annotateClass(out, type);
    }

    /** In place of {@code annotateProxyClass(cl)} in {@code ObjectOutputStream.writeProxyDesc}. */
    public static void annotateProxyClass(ObjectOutputStream out, Class<?> proxyClass) throws IOException {
        ClassAnnotations.writeProxy(out, proxyClass);
        JdkInternals.annotateProxyClass(out, proxyClass);
    }

    /**
     * In place of {@code resolveClass(readDesc)} in {@code ObjectInputStream.readNonProxyDesc}: a descriptor whose
     * annotation starts with Ferry's marker is resolved from its recipe; every other one by the stream itself.
     */
    public static Class<?> resolveClass(ObjectInputStream in, ObjectStreamClass descriptor)
            throws IOException, ClassNotFoundException {
        if (!JdkInternals.annotationStartsWith(in, Annotation.MARKER)) {
            return JdkInternals.resolveClass(in, descriptor);
        }
        try {
            return ClassAnnotations.read(in, descriptor);
        } catch (IOException | ClassNotFoundException | RuntimeException | Error failure) {
            JdkInternals.discardBlockData(in);
            throw failure;
        }
    }

    /** In place of {@code resolveProxyClass(interfaces)} in {@code ObjectInputStream.readProxyDesc}. */
    public static Class<?> resolveProxyClass(ObjectInputStream in, String[] interfaceNames)
            throws IOException, ClassNotFoundException {
        if (!JdkInternals.annotationStartsWith(in, Annotation.MARKER)) {
            return JdkInternals.resolveProxyClass(in, interfaceNames);
        }
        try {
            return ClassAnnotations.readProxy(in, interfaceNames);
        } catch (IOException | ClassNotFoundException | RuntimeException | Error failure) {
            JdkInternals.discardBlockData(in);
            throw failure;
        }
    }
}
