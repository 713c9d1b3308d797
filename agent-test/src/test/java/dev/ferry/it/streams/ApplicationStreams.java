package dev.ferry.it.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;

/**
 * Object streams as frameworks subclass them, each overriding the class hooks without calling {@code super}: a
 * loader-aware stream (Hazelcast's {@code ClassLoaderAwareObjectInputStream}), one with a fallback that only rethrows
 * (Spring's {@code ConfigurableObjectInputStream}), one with an allow-list that rejects a package, and a pair that
 * annotates every class with a codebase object and reads it back (RMI's {@code MarshalOutputStream} and
 * {@code MarshalInputStream}).
 */
final class ApplicationStreams {

    static final String BLOCKED_PACKAGE = "dev.ferry.it.streams.blocked.";
    static final String CODEBASE = "codebase:none";

    private ApplicationStreams() {
    }

    static ObjectInputStream reader(String kind, InputStream in) throws IOException {
        ClassLoader loader = ApplicationStreams.class.getClassLoader();
        switch (kind) {
            case "loader-aware":
                return new ObjectInputStream(in) {
                    @Override
                    protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                        return Class.forName(desc.getName(), false, loader);
                    }
                };
            case "with-fallback":
                return new ObjectInputStream(in) {
                    @Override
                    protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                        try {
                            return Class.forName(desc.getName(), false, loader);
                        } catch (ClassNotFoundException ex) {
                            throw new ClassNotFoundException("no fallback for " + desc.getName(), ex);
                        }
                    }
                };
            case "allow-list":
                return new ObjectInputStream(in) {
                    @Override
                    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException,
                            ClassNotFoundException {
                        if (desc.getName().startsWith(BLOCKED_PACKAGE)) {
                            throw new InvalidClassException(desc.getName(), "rejected by the application's allow-list");
                        }
                        return Class.forName(desc.getName(), false, loader);
                    }
                };
            case "codebase":
                return new ObjectInputStream(in) {
                    @Override
                    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException,
                            ClassNotFoundException {
                        Object codebase = readObject();
                        if (!CODEBASE.equals(codebase)) {
                            throw new InvalidClassException(desc.getName(), "expected the codebase, read " + codebase);
                        }
                        return Class.forName(desc.getName(), false, loader);
                    }
                };
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static ObjectOutputStream writer(String kind, OutputStream out) throws IOException {
        if (!kind.equals("codebase")) {
            return new ObjectOutputStream(out);
        }
        return new ObjectOutputStream(out) {
            @Override
            protected void annotateClass(Class<?> type) throws IOException {
                writeObject(CODEBASE);
            }
        };
    }
}
