package dev.ferry.samples.specialized.library;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The base of every template {@link TypedModels} specializes, such as {@link Box} and {@link Pair}: a serializable
 * model whose fields are validated against its type arguments when set through its public API, and which remembers
 * which fields were set.
 *
 * <p>A template is an abstract subclass with type parameters. Its specializations are generated subclasses that
 * implement {@link #typeArguments()}; make them with {@link TypedModels}, never by hand. Deserialization restores the
 * fields as Java serialization always does, without validating them again: {@link #validations()} counts every
 * validation in this JVM, so that can be seen.
 */
public abstract class TypedModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final AtomicLong VALIDATIONS = new AtomicLong();

    private final Set<String> fieldsSet = new TreeSet<>();

    protected TypedModel() {
    }

    /** The type arguments this model's class was specialized with, one per type parameter of its template. */
    public abstract List<Type> typeArguments();

    /** The names of the fields set through the public API, in name order; unmodifiable. */
    public final Set<String> fieldsSet() {
        return Collections.unmodifiableSet(fieldsSet);
    }

    /** How many values models validated in this JVM so far. */
    public static long validations() {
        return VALIDATIONS.get();
    }

    /**
     * Validates a value for a field and records the field as set.
     *
     * @param argument the index of the type argument the field's type is
     * @return the value
     * @throws IllegalArgumentException if the value is null or not of that type; the field is then left as it was
     */
    protected final <V> V validated(String field, int argument, V value) {
        VALIDATIONS.incrementAndGet();
        Type type = typeArguments().get(argument);
        if (!TypeCheck.conforms(type, value)) {
            throw new IllegalArgumentException(modelType() + "." + field + " must be of type " + ModelType.nameOf(type)
                    + ": " + show(value) + " is not");
        }
        fieldsSet.add(field);
        return value;
    }

    /** A field's value as {@code toString} shows it: strings quoted, {@code unset} if it was never set. */
    protected final String shown(String field, Object value) {
        return fieldsSet.contains(field) ? show(value) : "unset";
    }

    /** @throws IllegalStateException naming the field if it was never set */
    protected final void requireSet(String field) {
        if (!fieldsSet.contains(field)) {
            throw new IllegalStateException(modelType() + "." + field + " is unset");
        }
    }

    /** This model's type as a program would write it, {@code Box<Integer>}. */
    protected final String modelType() {
        return ModelType.nameOf(getClass());
    }

    private static String show(Object value) {
        return value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
    }
}
