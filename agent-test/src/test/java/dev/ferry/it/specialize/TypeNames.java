package dev.ferry.it.specialize;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders a recipe as the type it stands for, {@code dev.ferry.it.specialize.Box<java.util.List<? extends
 * java.lang.Number>>}, with nested specializations rendered by their recipes, not their random class names: the
 * same text in every JVM that received the same arguments, which is what the round trips compare.
 */
final class TypeNames {

    private TypeNames() {
    }

    static String of(Recipe recipe) {
        return recipe.template().getName() + "<" + render(recipe.arguments()) + ">";
    }

    static String render(Type type) {
        if (type instanceof Class<?> named) {
            return renderClass(named);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            String owner = parameterized.getOwnerType() == null ? raw.getName()
                    : render(parameterized.getOwnerType()) + "." + raw.getSimpleName();
            return owner + "<" + render(List.of(parameterized.getActualTypeArguments())) + ">";
        }
        if (type instanceof GenericArrayType array) {
            return render(array.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                return "? super " + bounds(wildcard.getLowerBounds());
            }
            List<Type> upper = List.of(wildcard.getUpperBounds());
            return upper.equals(List.of(Object.class)) ? "?" : "? extends " + bounds(wildcard.getUpperBounds());
        }
        if (type instanceof TypeVariable<?> variable) {
            return variable.getName();
        }
        return type.getTypeName();
    }

    private static String renderClass(Class<?> type) {
        if (type.isArray()) {
            return renderClass(type.getComponentType()) + "[]";
        }
        Recipe recipe = TemplateSpecializer.anyRecipeOf(type);
        return recipe == null ? type.getName() : of(recipe);
    }

    private static String render(List<Type> types) {
        return types.stream().map(TypeNames::render).collect(Collectors.joining(", "));
    }

    private static String bounds(Type[] bounds) {
        return Stream.of(bounds).map(TypeNames::render).collect(Collectors.joining(" & "));
    }
}
