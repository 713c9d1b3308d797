package dev.ferry.samples.specialized.library;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collection;

/** Which types a model may be specialized with, and whether a value is of such a type. */
final class TypeCheck {

    private TypeCheck() {
    }

    /**
     * Refuses a type no value can be checked against: a type variable ({@code Box<T>} is the template, not a
     * specialization), a primitive type, or a kind of {@link Type} this library does not know.
     *
     * @throws IllegalArgumentException naming the type
     */
    static void requireConcrete(Type type) {
        if (type instanceof Class<?> plain) {
            if (plain.isPrimitive()) {
                throw new IllegalArgumentException("a model's type argument is a class, not the primitive " + plain);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            requireConcrete(parameterized.getRawType());
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(TypeCheck::requireConcrete);
        } else if (type instanceof GenericArrayType array) {
            requireConcrete(array.getGenericComponentType());
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(TypeCheck::requireConcrete);
            Arrays.stream(wildcard.getLowerBounds()).forEach(TypeCheck::requireConcrete);
        } else {
            throw new IllegalArgumentException("a model's type argument is concrete, not " + type.getTypeName()
                    + " (" + type.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Whether {@code value} is a non-null value of {@code type}. The elements of a collection are checked against a
     * collection type's one type argument, and those of an array against a generic array's component type; other
     * parameterized types are checked by their raw class.
     */
    static boolean conforms(Type type, Object value) {
        if (value == null) {
            return false;
        }
        if (type instanceof Class<?> plain) {
            return plain.isInstance(value);
        }
        if (type instanceof ParameterizedType parameterized) {
            return conforms(parameterized, value);
        }
        if (type instanceof GenericArrayType array) {
            return value instanceof Object[] elements && Arrays.stream(elements)
                    .allMatch(element -> conforms(array.getGenericComponentType(), element));
        }
        if (type instanceof WildcardType wildcard) {
            return Arrays.stream(wildcard.getUpperBounds()).allMatch(bound -> conforms(bound, value));
        }
        return false;
    }

    private static boolean conforms(ParameterizedType type, Object value) {
        if (!((Class<?>) type.getRawType()).isInstance(value)) {
            return false;
        }
        Type[] arguments = type.getActualTypeArguments();
        if (value instanceof Collection<?> elements && arguments.length == 1) {
            return elements.stream().allMatch(element -> conforms(arguments[0], element));
        }
        return true;
    }
}
