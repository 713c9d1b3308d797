package dev.ferry.boot.specialize;

import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's half of specializations: the recipe of a class a registered generator describes, its arguments turned
 * into {@link TypeNode}s. An argument no other JVM could resolve (a type variable, a hidden class, a generated class
 * that cannot travel) refuses the write with a {@link NotSerializableException} naming the argument's path, such as
 * {@code com.acme.Box<#0> > java.util.List<#0> > ? extends #0}.
 */
public final class SpecializationShipping {

    private SpecializationShipping() {
    }

    /**
     * The recipe of a specialization; null when no generator describes {@code type}.
     *
     * @param travel how the classes the recipe names travel
     * @throws UncheckedIOException holding a {@link NotSerializableException} naming the argument that cannot travel
     */
    public static SpecializationRecipe of(Class<?> type, ClassTravel travel) {
        SpecializationGenerators.Described described = SpecializationGenerators.describe(type);
        if (described == null) {
            return null;
        }
        Converter converter = new Converter(type, described, travel);
        return new SpecializationRecipe(converter.specialized(described.id, described.specialization.origin(),
                described.specialization.arguments(), "", 0));
    }

    /** Turns one class's origin and arguments into nodes, counting them as the reader will. */
    private static final class Converter {
        private final Class<?> type;
        private final SpecializationGenerators.Described described;
        private final ClassTravel travel;
        private int nodes;

        Converter(Class<?> type, SpecializationGenerators.Described described, ClassTravel travel) {
            this.type = type;
            this.described = described;
            this.travel = travel;
        }

        TypeNode.Specialized specialized(String id, Class<?> origin, List<Type> arguments, String path, int depth) {
            spend(path, depth);
            String prefix = path.isEmpty() ? "" : path + " > ";
            TypeNode.ClassLeaf originLeaf = leaf(origin, origin, prefix + origin.getName() + " (origin)");
            List<TypeNode> converted = new ArrayList<>(arguments.size());
            for (int i = 0; i < arguments.size(); i++) {
                converted.add(node(arguments.get(i), prefix + origin.getName() + "<#" + i + ">", depth + 1));
            }
            checkCount(converted, path);
            return new TypeNode.Specialized(id, originLeaf, converted);
        }

        private TypeNode node(Type argument, String path, int depth) {
            spend(path, depth);
            if (argument instanceof Class) {
                return classNode((Class<?>) argument, path, depth);
            }
            if (argument instanceof ParameterizedType) {
                ParameterizedType parameterized = (ParameterizedType) argument;
                if (!(parameterized.getRawType() instanceof Class)) {
                    throw refused(path, "a parameterized type whose raw type is not a class");
                }
                Class<?> raw = (Class<?>) parameterized.getRawType();
                TypeNode.ClassLeaf rawLeaf = leaf(raw, raw, path);
                TypeNode owner = parameterized.getOwnerType() == null ? null
                        : node(parameterized.getOwnerType(), path + " > " + raw.getName() + "(owner)", depth + 1);
                return new TypeNode.Parameterized(owner, rawLeaf, nodes(parameterized.getActualTypeArguments(),
                        path + " > " + raw.getName() + "<#", ">", depth));
            }
            if (argument instanceof GenericArrayType) {
                return new TypeNode.ArrayOf(node(((GenericArrayType) argument).getGenericComponentType(),
                        path + " > []", depth + 1));
            }
            if (argument instanceof WildcardType) {
                WildcardType wildcard = (WildcardType) argument;
                return new TypeNode.Wildcard(nodes(wildcard.getUpperBounds(), path + " > ? extends #", "", depth),
                        nodes(wildcard.getLowerBounds(), path + " > ? super #", "", depth));
            }
            if (argument instanceof TypeVariable) {
                TypeVariable<?> variable = (TypeVariable<?>) argument;
                throw refused(path, "the type variable " + variable.getName() + " (declared by "
                        + declarer(variable.getGenericDeclaration()) + "), which means nothing in another JVM; only"
                        + " concrete types can travel");
            }
            throw refused(path, argument == null ? "null"
                    : "a " + argument.getClass().getName() + ", a kind of type Ferry cannot express");
        }

        private List<TypeNode> nodes(Type[] types, String pathPrefix, String pathSuffix, int depth) {
            List<TypeNode> converted = new ArrayList<>(types.length);
            for (int i = 0; i < types.length; i++) {
                converted.add(node(types[i], pathPrefix + i + pathSuffix, depth + 1));
            }
            checkCount(converted, pathPrefix);
            return converted;
        }

        private TypeNode classNode(Class<?> argument, String path, int depth) {
            Class<?> component = argument;
            int dimensions = 0;
            while (component.isArray()) {
                component = component.getComponentType();
                dimensions++;
            }
            TypeNode node = travelOf(component, path);
            if (node instanceof TypeNode.ClassLeaf) {
                return new TypeNode.ClassLeaf(argument, ((TypeNode.ClassLeaf) node).byValue());
            }
            measure(node, path, depth);
            for (int i = 0; i < dimensions; i++) {
                node = new TypeNode.ArrayOf(node);
            }
            return node;
        }

        /**
         * {@code type} written as itself, by name or by value as {@code component} (its innermost component) is;
         * refused when a reader could resolve it neither way.
         */
        private TypeNode.ClassLeaf leaf(Class<?> component, Class<?> type, String path) {
            TypeNode node = travelOf(component, path);
            if (!(node instanceof TypeNode.ClassLeaf)) {
                throw refused(path, "the specialization " + component.getName() + ", which cannot stand where a class"
                        + " written by name or by value belongs (as an origin or a raw type)");
            }
            return new TypeNode.ClassLeaf(type, ((TypeNode.ClassLeaf) node).byValue());
        }

        private TypeNode travelOf(Class<?> component, String path) {
            try {
                return travel.of(component);
            } catch (ClassTravel.Refused e) {
                UncheckedIOException refused = refused(path, e.getMessage());
                refused.getCause().initCause(e.getCause() != null ? e.getCause() : e);
                throw refused;
            }
        }

        /** Counts a nested specialization's own types as part of this recipe, as the reader will. */
        private void measure(TypeNode nested, String path, int depth) {
            for (TypeNode child : nested.children()) {
                spend(path, depth + 1);
                measure(child, path, depth + 1);
            }
        }

        private void spend(String path, int depth) {
            if (++nodes > TypeNode.MAX_NODES || depth > TypeNode.MAX_DEPTH) {
                throw refused(path, "nested deeper than " + TypeNode.MAX_DEPTH + " levels, or one of more than "
                        + TypeNode.MAX_NODES + " types");
            }
        }

        private void checkCount(List<TypeNode> converted, String path) {
            if (converted.size() > TypeNode.MAX_ARGUMENTS) {
                throw refused(path, "one of more than " + TypeNode.MAX_ARGUMENTS + " arguments of one type");
            }
        }

        private UncheckedIOException refused(String path, String what) {
            return new UncheckedIOException(new NotSerializableException(type.getName() + ": the specialization "
                    + described.specialization + " of generator '" + described.id + "' cannot be written: "
                    + (path.isEmpty() ? "it" : "its argument " + path) + " is " + what));
        }

        private static String declarer(GenericDeclaration declaration) {
            return declaration instanceof Class ? ((Class<?>) declaration).getName() : String.valueOf(declaration);
        }
    }
}
