package dev.ferry.samples.specialized.library;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Makes the parameterized types a model may be specialized with, such as {@code List<Box<Integer>>}, whose arguments
 * are classes generated at run time and so can never come from reflection on source code.
 */
public final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * {@code raw<arguments>}, owned by {@code raw}'s declaring class when it has one, like the JDK's.
     *
     * @throws IllegalArgumentException if the argument count is not {@code raw}'s type parameter count
     */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        if (raw.getTypeParameters().length != arguments.length) {
            throw new IllegalArgumentException(raw.getName() + " has " + raw.getTypeParameters().length
                    + " type parameters, not " + arguments.length);
        }
        Arrays.stream(arguments).forEach(argument -> Objects.requireNonNull(argument, "type argument"));
        return new Parameterized(raw, arguments.clone());
    }

    /**
     * Equal to the JDK's own {@link ParameterizedType} for the same type, with the same hash code (the formula of
     * {@code sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl}), so that either finds a cached model.
     */
    private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that && raw.equals(that.getRawType())
                    && Objects.equals(getOwnerType(), that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getName() + Arrays.stream(arguments).map(Type::getTypeName)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
    }
}
