package dev.ferry.boot.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Object streams that do in one JVM, without the agent, what Ferry's patched {@code java.io} calls do: a descriptor
 * is annotated and resolved through {@link StreamHooks}, which calls the stream's own method back for the part that
 * is not Ferry's (the re-entry for the same class or descriptor is that part). Unit tests of the wire protocol use
 * them; the real hooks are specified by the integration tests, in forked JVMs with the agent.
 */
public final class HookedStreams {

    private HookedStreams() {
    }

    /** An output stream whose descriptors are annotated by Ferry first. */
    public static class Output extends ObjectOutputStream {
        private final Set<Class<?>> annotating = Collections.newSetFromMap(new IdentityHashMap<>());

        public Output(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            if (!annotating.add(type)) {
                ownAnnotation(type);
                return;
            }
            try {
                StreamHooks.annotateClass(this, type);
            } finally {
                annotating.remove(type);
            }
        }

        /** What the stream itself writes after Ferry's annotation: nothing, as in {@code ObjectOutputStream}. */
        protected void ownAnnotation(Class<?> type) throws IOException {
        }
    }

    /** An input stream whose descriptors are resolved by Ferry when annotated, by name in {@code loader} otherwise. */
    public static class Input extends ObjectInputStream {
        private final ClassLoader loader;
        private final Set<ObjectStreamClass> resolving = Collections.newSetFromMap(new IdentityHashMap<>());

        public Input(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected final Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            if (!resolving.add(descriptor)) {
                return Class.forName(descriptor.getName(), false, loader);
            }
            try {
                return dev.ferry.boot.jdk.JdkInternals.annotationStartsWith(this, Annotation.MARKER)
                        ? resolveAnnotated(descriptor) : StreamHooks.resolveClass(this, descriptor);
            } finally {
                resolving.remove(descriptor);
            }
        }

        /** A descriptor whose annotation starts with Ferry's marker: what Ferry's hook does with it. */
        protected Class<?> resolveAnnotated(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            return StreamHooks.resolveClass(this, descriptor);
        }
    }

    /** Writes the head of a Ferry class annotation, for tests that forge one. */
    public static void writeHead(ObjectOutputStream out, String kind, int dimensions) throws IOException {
        int code;
        switch (kind) {
            case "lambda":
                code = Annotation.LAMBDA;
                break;
            case "specialization":
                code = Annotation.SPECIALIZATION;
                break;
            case "by-value":
                code = Annotation.BY_VALUE;
                break;
            default:
                throw new IllegalArgumentException(kind);
        }
        Annotation.writeHead(out, code, dimensions);
    }
}
