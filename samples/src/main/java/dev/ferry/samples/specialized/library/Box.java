package dev.ferry.samples.specialized.library;

import java.lang.reflect.Type;

/**
 * A template: a box holding one value of type {@code T}, set or not.
 *
 * <pre>{@code
 * Box<Integer> count = Box.of(Integer.class).set(42);     // an instance of the generated Box<Integer>
 * Box<List<Box<Integer>>> boxes = Box.ofType(GenericTypes.parameterized(List.class,
 *         TypedModels.specialize(Box.class, Integer.class)));
 * }</pre>
 *
 * @param <T> the type of the value, checked by {@link #set} against the specialization's type argument
 */
public abstract class Box<T> extends TypedModel {

    private static final long serialVersionUID = 1L;

    private static final String VALUE = "value";

    private T value;

    protected Box() {
    }

    /** A new, unset {@code Box<type>}. */
    public static <T> Box<T> of(Class<T> type) {
        return ofType(type);
    }

    /**
     * A new, unset box of a generic type, such as {@code List<String>}; the caller says what {@code T} is.
     *
     * @throws IllegalArgumentException if {@code type} is not a concrete type
     */
    @SuppressWarnings("unchecked")
    public static <T> Box<T> ofType(Type type) {
        return TypedModels.newInstance(Box.class, type);
    }

    /**
     * Sets the value.
     *
     * @return this box
     * @throws IllegalArgumentException if {@code value} is null or not of the box's type
     */
    public Box<T> set(T value) {
        this.value = validated(VALUE, 0, value);
        return this;
    }

    /** @throws IllegalStateException if the value was never set */
    public T get() {
        requireSet(VALUE);
        return value;
    }

    public boolean isSet() {
        return fieldsSet().contains(VALUE);
    }

    /** {@code Box<Integer>(42)}, or {@code Box<Integer>(unset)}. */
    @Override
    public String toString() {
        return modelType() + "(" + shown(VALUE, value) + ")";
    }
}
