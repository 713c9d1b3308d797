package dev.ferry.api;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What a generator made a class from: its origin (the template) and its type arguments. Immutable. */
public final class Specialization {

    private final Class<?> origin;
    private final List<Type> arguments;

    private Specialization(Class<?> origin, List<Type> arguments) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.arguments = arguments;
    }

    /** @throws NullPointerException when the origin or an argument is null */
    public static Specialization of(Class<?> origin, Type... arguments) {
        return of(origin, Arrays.asList(arguments));
    }

    /** @throws NullPointerException when the origin or an argument is null */
    public static Specialization of(Class<?> origin, List<? extends Type> arguments) {
        return new Specialization(origin, List.copyOf(arguments));
    }

    public Class<?> origin() {
        return origin;
    }

    /** Unmodifiable. */
    public List<Type> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Specialization && origin == ((Specialization) other).origin
                && arguments.equals(((Specialization) other).arguments);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + arguments.hashCode();
    }

    /** {@code com.acme.Box<java.lang.Integer>}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(origin.getName()).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(arguments.get(i).getTypeName());
        }
        return text.append('>').toString();
    }
}
