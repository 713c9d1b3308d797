package dev.ferry.api;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Makes the generic types a specialization's arguments may be, {@code List<Box<Integer>>} or {@code ? extends Number}
 * for example; readers receive arguments made here. Each is {@code equals} to the JDK's own reflective type for the
 * same type, with the same {@code hashCode}, so either can be a cache key.
 */
public final class Types {

    private static final Type[] NONE = new Type[0];
    private static final Type[] OBJECT = {Object.class};

    private Types() {
    }

    /**
     * {@code raw<arguments>}, owned by {@code raw}'s declaring class when it has one.
     *
     * @throws IllegalArgumentException when {@code raw} is not generic, or the argument count is not its type
     *     parameter count
     */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return parameterizedWithOwner(raw.getDeclaringClass(), raw, arguments);
    }

    /**
     * @throws IllegalArgumentException when {@code raw} is not generic, or the argument count is not its type
     *     parameter count
     */
    public static ParameterizedType parameterizedWithOwner(Type owner, Class<?> raw, Type... arguments) {
        if (raw.getTypeParameters().length == 0 || raw.getTypeParameters().length != arguments.length) {
            throw new IllegalArgumentException(raw.getName() + " has " + raw.getTypeParameters().length
                    + " type parameters, not " + arguments.length);
        }
        return new Parameterized(owner, raw, checked(arguments));
    }

    /** {@code component[]}: a {@code Class} when the component is one ({@code String[].class}), else generic. */
    public static Type arrayOf(Type component) {
        Objects.requireNonNull(component, "component");
        if (component instanceof Class) {
            return ((Class<?>) component).arrayType();
        }
        return new GenericArray(component);
    }

    /** {@code ? extends upper}. */
    public static WildcardType subtypeOf(Type upper) {
        return wildcard(new Type[] {upper}, NONE);
    }

    /** {@code ? super lower}. */
    public static WildcardType supertypeOf(Type lower) {
        return wildcard(OBJECT, new Type[] {lower});
    }

    /**
     * {@code ?} with explicit bounds, as {@link WildcardType} reports them.
     *
     * @param upper at least one ({@code Object} for an unbounded or lower-bounded wildcard)
     */
    public static WildcardType wildcard(Type[] upper, Type[] lower) {
        if (upper.length == 0) {
            throw new IllegalArgumentException("a wildcard has at least one upper bound (Object when unbounded)");
        }
        return new Wildcard(checked(upper), checked(lower));
    }

    private static Type[] checked(Type[] types) {
        Type[] copy = types.clone();
        for (Type type : copy) {
            Objects.requireNonNull(type, "type argument");
        }
        return copy;
    }

    // equals and hashCode as the JDK's sun.reflect.generics.reflectiveObjects implementations, so both mix in a map

    private static final class Parameterized implements ParameterizedType {
        private final Type owner;
        private final Class<?> raw;
        private final Type[] arguments;

        Parameterized(Type owner, Class<?> raw, Type[] arguments) {
            this.owner = owner;
            this.raw = raw;
            this.arguments = arguments;
        }

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
            return owner;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ParameterizedType)) {
                return false;
            }
            ParameterizedType that = (ParameterizedType) other;
            return Objects.equals(owner, that.getOwnerType()) && Objects.equals(raw, that.getRawType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ Objects.hashCode(raw);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (owner != null) {
                text.append(owner.getTypeName()).append('$').append(raw.getSimpleName());
            } else {
                text.append(raw.getName());
            }
            text.append('<');
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return text.append('>').toString();
        }
    }

    private static final class GenericArray implements GenericArrayType {
        private final Type component;

        GenericArray(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType
                    && Objects.equals(component, ((GenericArrayType) other).getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(component);
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }

    private static final class Wildcard implements WildcardType {
        private final Type[] upper;
        private final Type[] lower;

        Wildcard(Type[] upper, Type[] lower) {
            this.upper = upper;
            this.lower = lower;
        }

        @Override
        public Type[] getUpperBounds() {
            return upper.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lower.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WildcardType
                    && Arrays.equals(lower, ((WildcardType) other).getLowerBounds())
                    && Arrays.equals(upper, ((WildcardType) other).getUpperBounds());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(lower) ^ Arrays.hashCode(upper);
        }

        @Override
        public String toString() {
            if (lower.length > 0) {
                return "? super " + bounds(lower);
            }
            if (upper.length == 1 && upper[0] == Object.class) {
                return "?";
            }
            return "? extends " + bounds(upper);
        }

        private static String bounds(Type[] bounds) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < bounds.length; i++) {
                text.append(i == 0 ? "" : " & ").append(bounds[i].getTypeName());
            }
            return text.toString();
        }
    }
}
