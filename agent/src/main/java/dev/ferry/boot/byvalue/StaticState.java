package dev.ferry.boot.byvalue;

import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.security.Printable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.LinkedHashMap;
import java.util.Map;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Restores the static fields a generator set on the writer's class, from a recipe's verified nested stream. The
 * fields are set without initializing the class (its static initializer runs when the application first uses it,
 * after the stream's filter accepted it), and the nested stream is filtered like the stream being read.
 */
public final class StaticState {

    /** The stream whose class annotation is being resolved on this thread, for its filter. */
    private static final ThreadLocal<ObjectInputStream> READING = new ThreadLocal<>();

    private StaticState() {
    }

    /** Runs {@code resolution} with {@code in} as the stream whose filter applies to static state read meanwhile. */
    public static <T> T whileReading(ObjectInputStream in, Resolution<T> resolution) throws IOException,
            ClassNotFoundException {
        ObjectInputStream outer = READING.get();
        READING.set(in);
        try {
            return resolution.resolve();
        } finally {
            if (outer == null) {
                READING.remove();
            } else {
                READING.set(outer);
            }
        }
    }

    /** A resolution that reads a stream. */
    public interface Resolution<T> {
        T resolve() throws IOException, ClassNotFoundException;
    }

    /**
     * Sets the static fields a recipe's nested stream holds, all of them or none: every value is read and checked
     * before the first field is set, so a failure (the stream's filter rejecting a value, a forged field name) leaves
     * the class as it was, to be tried again by the next stream that brings it.
     */
    static void apply(Class<?> type, byte[] state) throws IOException, ClassNotFoundException,
            ReflectiveOperationException {
        if (state.length == 0) {
            return;
        }
        ObjectInputStream outer = READING.get();
        Map<Field, Object> values = new LinkedHashMap<>();
        Witness witness = null;
        try (ObjectInputStream in = new Nested(new ByteArrayInputStream(state), outer)) {
            ObjectInputFilter filter = outer == null ? null : outer.getObjectInputFilter();
            if (filter != null && filter != in.getObjectInputFilter()) {
                witness = new Witness(filter);
                in.setObjectInputFilter(witness);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Object value = in.readObject();
                Field field = type.getDeclaredField(name);
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || !fits(field.getType(), value)) {
                    throw new InvalidClassException(type.getName(), "static state names field " + name
                            + ", which is not a static non-final field of a type its value has");
                }
                values.put(field, value);
            }
        } catch (InvalidClassException e) {
            if (witness == null || witness.rejected == null) {
                throw e;
            }
            // the JDK's "filter status: REJECTED" names nothing: say which class of the static state was rejected
            InvalidClassException named = new InvalidClassException(type.getName(), "its static state holds a "
                    + Printable.className(witness.rejected.getName()) + ", which the stream's ObjectInputFilter"
                    + " rejects (" + e.getMessage() + ")");
            named.initCause(e);
            throw named;
        }
        for (Map.Entry<Field, Object> value : values.entrySet()) {
            JdkInternals.putStatic(value.getKey(), value.getValue());
        }
    }

    /**
     * The nested stream of a recipe's static state resolves classes as the stream that carries the recipe does (its
     * own {@code resolveClass}: a plugin's loader, Hazelcast's filter), not in the loader of whatever called Ferry.
     */
    private static final class Nested extends ObjectInputStream {
        private final ObjectInputStream outer;

        Nested(ByteArrayInputStream in, ObjectInputStream outer) throws IOException {
            super(in);
            this.outer = outer;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            return outer == null ? super.resolveClass(descriptor) : JdkInternals.resolveClass(outer, descriptor);
        }
    }

    /** The stream's filter, remembering the class it rejected last, for the refusal's message. */
    private static final class Witness implements ObjectInputFilter {
        private final ObjectInputFilter filter;
        Class<?> rejected;

        Witness(ObjectInputFilter filter) {
            this.filter = filter;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Status status = filter.checkInput(info);
            if (status == Status.REJECTED && info.serialClass() != null) {
                rejected = info.serialClass();
            }
            return status;
        }
    }

    private static boolean fits(Class<?> type, Object value) {
        if (!type.isPrimitive()) {
            return value == null || type.isInstance(value);
        }
        return value != null && java.lang.invoke.MethodType.methodType(type).wrap().returnType()
                .isInstance(value);
    }
}
