package dev.ferry.it.specialize;

import java.lang.reflect.Type;
import java.util.List;

/**
 * What a {@link TemplateSpecializer} made a class from: the template and the type arguments. The cache key of the
 * generated classes; arguments compare with {@code equals}, so a JDK reflective type and Ferry's for the same type
 * are the same key.
 */
record Recipe(Class<?> template, List<Type> arguments) {

    Recipe {
        arguments = List.copyOf(arguments);
    }

    static Recipe of(Class<?> template, Type... arguments) {
        return new Recipe(template, List.of(arguments));
    }
}
