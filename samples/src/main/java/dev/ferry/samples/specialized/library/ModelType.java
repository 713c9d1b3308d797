package dev.ferry.samples.specialized.library;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A template and its type arguments: what {@link TypedModels} makes a class from, and its cache key. Arguments are
 * compared with {@code equals}, so the JDK's reflective types, {@link GenericTypes}' and any other implementation that
 * follows the JDK's {@code equals} and {@code hashCode} name the same model type.
 *
 * @param template  the template, such as {@code Box.class}
 * @param arguments its type arguments, such as {@code [Integer.class]}; unmodifiable
 */
public record ModelType(Class<? extends TypedModel> template, List<Type> arguments) {

    public ModelType {
        arguments = List.copyOf(arguments);
    }

    /** {@code Box<List<Box<Integer>>>}: as a program would write it, simple names throughout. */
    @Override
    public String toString() {
        return template.getSimpleName() + namesOf(arguments.stream());
    }

    /**
     * A type as a program would write it: simple class names, and a class {@link TypedModels} generated named by its
     * model type ({@code Box<Integer>}, not {@code Box$ByteBuddy$x8Gq}).
     */
    public static String nameOf(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isArray() ? nameOf(plain.getComponentType()) + "[]"
                    : TypedModels.describe(plain).map(ModelType::toString).orElseGet(plain::getSimpleName);
        }
        if (type instanceof ParameterizedType parameterized) {
            return nameOf(parameterized.getRawType()) + namesOf(Arrays.stream(parameterized.getActualTypeArguments()));
        }
        if (type instanceof GenericArrayType array) {
            return nameOf(array.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                return "? super " + bounds(wildcard.getLowerBounds());
            }
            List<Type> upper = List.of(wildcard.getUpperBounds());
            return upper.equals(List.of(Object.class)) ? "?" : "? extends " + bounds(wildcard.getUpperBounds());
        }
        return type.getTypeName();
    }

    private static String namesOf(Stream<Type> types) {
        return types.map(ModelType::nameOf).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String bounds(Type[] bounds) {
        return Arrays.stream(bounds).map(ModelType::nameOf).collect(Collectors.joining(" & "));
    }
}
