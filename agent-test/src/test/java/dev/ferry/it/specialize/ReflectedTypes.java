package dev.ferry.it.specialize;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Type arguments as the JDK's reflection makes them (a framework reads them from fields), for the arguments that
 * need no generated class: the reader gets Ferry's types, which must be equal keys in the generator's cache.
 */
final class ReflectedTypes {

    private Map<String, Integer> map;
    private Map.Entry<String, Integer> entry;
    private List<String>[] listArray;
    private List<? extends Number> numbers;
    private Comparable<? super Integer> integerComparable;
    private List<?> anything;

    private ReflectedTypes() {
    }

    /** {@code Map<String, Integer>}. */
    static Type map() {
        return of("map");
    }

    /** {@code Map.Entry<String, Integer>}: its owner is {@code Map}. */
    static Type entry() {
        return of("entry");
    }

    /** {@code List<String>[]}, a generic array. */
    static Type listArray() {
        return of("listArray");
    }

    /** {@code List<? extends Number>}. */
    static Type numbers() {
        return of("numbers");
    }

    /** {@code Comparable<? super Integer>}. */
    static Type integerComparable() {
        return of("integerComparable");
    }

    /** {@code List<?>}. */
    static Type anything() {
        return of("anything");
    }

    private static Type of(String field) {
        try {
            return ReflectedTypes.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
