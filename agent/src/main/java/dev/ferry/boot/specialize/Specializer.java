package dev.ferry.boot.specialize;

import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.security.StreamFilters;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.api.Types;
import dev.ferry.boot.security.ClassBudget;
import java.io.InvalidClassException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reader's half of specializations: the class a recipe names, made by this JVM's own generator. Every generator id
 * and origin in the recipe is checked first, so a recipe with one unknown id or refused origin makes nothing at all;
 * then the arguments are built innermost first and each generator is asked through {@link SpecializationCalls}.
 */
public final class Specializer {

    /** Whether Ferry has handed out a class before: the first time counts as a materialization, later ones as hits. */
    private static final ClassValue<AtomicBoolean> HANDED_OUT = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    /** The JVM's limit on array dimensions. */
    private static final int MAX_DIMENSIONS = 255;

    /**
     * The pairs a generator answered before, by a text naming them (classes with their loaders' identities), with the
     * class it gave, weakly: a pair seen before costs no class budget. The text holds no class or loader.
     */
    private static final Map<String, WeakReference<Class<?>>> KNOWN = new ConcurrentHashMap<>();
    private static final int MAX_KNOWN = 100_000;

    private final Map<TypeNode.Specialized, SpecializationGenerator> generators = new IdentityHashMap<>();
    private final ObjectInputStream in;

    private Specializer(ObjectInputStream in) {
        this.in = in;
    }

    /**
     * The class the recipe's generator makes, or gives from its cache, for the recipe's origin and arguments.
     *
     * @param in the stream that carries the recipe: its class budget pays for classes no generator made before
     * @throws InvalidClassException naming the generator and the origin when an id is unknown, a generator refuses or
     *     fails, the recipe's shape is impossible, or the class budget is spent; checked for every node before any
     *     generator is asked to specialize
     */
    public static Class<?> materialize(SpecializationRecipe recipe, ObjectInputStream in) throws InvalidClassException {
        Specializer specializer = new Specializer(in);
        specializer.check(recipe.root());
        dimensions(recipe.root());
        return specializer.specialize(recipe.root());
    }

    /** The array dimensions of the type a node stands for, checked against the JVM's limit before anything is made. */
    private static int dimensions(TypeNode node) throws InvalidClassException {
        int dimensions = 0;
        if (node instanceof TypeNode.ClassLeaf) {
            for (Class<?> type = ((TypeNode.ClassLeaf) node).type; type.isArray(); type = type.getComponentType()) {
                dimensions++;
            }
        } else if (node instanceof TypeNode.ArrayOf) {
            dimensions = 1 + dimensions(((TypeNode.ArrayOf) node).component);
        }
        for (TypeNode child : node.children()) {
            if (!(node instanceof TypeNode.ArrayOf)) {
                dimensions(child);
            }
        }
        if (dimensions > MAX_DIMENSIONS) {
            throw TypeNode.malformed("an array of " + dimensions + " dimensions (the JVM allows " + MAX_DIMENSIONS
                    + ")");
        }
        return dimensions;
    }

    private void check(TypeNode node) throws InvalidClassException {
        if (node instanceof TypeNode.Specialized) {
            TypeNode.Specialized specialized = (TypeNode.Specialized) node;
            SpecializationGenerator generator = SpecializationGenerators.forOrigin(specialized.generatorId,
                    specialized.origin);
            if (generator == null) {
                generator = SpecializationGenerators.byId(specialized.generatorId, loaders(specialized.origin));
            }
            if (generator == null) {
                throw refused(RefusalReason.UNKNOWN_GENERATOR, specialized, "no generator with this id is registered"
                        + " in this JVM (a META-INF/services/dev.ferry.api.SpecializationGenerator entry its class"
                        + " loader sees, or Specializations.register)", null);
            }
            boolean accepted;
            try {
                accepted = generator.accepts(specialized.origin);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                throw refused(RefusalReason.GENERATOR_REFUSED, specialized, "the generator failed to check the origin: "
                        + e, e);
            }
            if (!accepted) {
                throw refused(RefusalReason.GENERATOR_REFUSED, specialized, "the generator does not accept this"
                        + " origin", null);
            }
            generators.put(specialized, generator);
        }
        for (TypeNode child : node.children()) {
            check(child);
        }
    }

    private Class<?> specialize(TypeNode.Specialized node) throws InvalidClassException {
        List<Type> arguments = new ArrayList<>(node.arguments.size());
        for (TypeNode argument : node.arguments) {
            arguments.add(type(argument));
        }
        arguments = List.copyOf(arguments);
        SpecializationGenerator generator = generators.get(node);
        String pair = pairName(node, arguments);
        WeakReference<Class<?>> known = KNOWN.get(pair);
        if (known == null || known.get() == null) {
            ClassBudget.spend(in, 1, Printable.className(node.origin.getName()) + Printable.of(arguments.toString()));
        }
        long start = System.nanoTime();
        Class<?> type;
        try {
            type = SpecializationCalls.specialize(generator, node.origin, arguments);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            throw refused(RefusalReason.GENERATOR_REFUSED, node, "the generator failed to specialize it for "
                    + Printable.of(arguments.toString()) + ": " + e, e);
        }
        if (type == null) {
            throw refused(RefusalReason.GENERATOR_REFUSED, node, "the generator returned null for "
                    + Printable.of(arguments.toString()), null);
        }
        if (KNOWN.size() >= MAX_KNOWN) {
            KNOWN.clear();
        }
        KNOWN.put(pair, new WeakReference<>(type));
        if (HANDED_OUT.get(type).compareAndSet(false, true)) {
            ClassBudget.made(type);
            AgentCounters.specializationMaterialized(type.getName(), System.nanoTime() - start);
        } else {
            AgentCounters.registryHit();
        }
        return type;
    }

    private Type type(TypeNode node) throws InvalidClassException {
        if (node instanceof TypeNode.ClassLeaf) {
            return ((TypeNode.ClassLeaf) node).type;
        }
        if (node instanceof TypeNode.Specialized) {
            return specialize((TypeNode.Specialized) node);
        }
        try {
            if (node instanceof TypeNode.ArrayOf) {
                return Types.arrayOf(type(((TypeNode.ArrayOf) node).component));
            }
            if (node instanceof TypeNode.Parameterized) {
                TypeNode.Parameterized parameterized = (TypeNode.Parameterized) node;
                Type owner = parameterized.owner == null ? null : type(parameterized.owner);
                return Types.parameterizedWithOwner(owner, parameterized.raw, types(parameterized.arguments));
            }
            TypeNode.Wildcard wildcard = (TypeNode.Wildcard) node;
            return Types.wildcard(types(wildcard.upper), types(wildcard.lower));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "specialization recipe",
                    "malformed specialization recipe: " + e);
        }
    }

    /** A text naming a generator's (origin, arguments) pair: classes by name and their loaders' identities. */
    private static String pairName(TypeNode.Specialized node, List<Type> arguments) {
        StringBuilder text = new StringBuilder(node.generatorId).append('|');
        appendType(text, node.origin);
        for (Type argument : arguments) {
            appendType(text.append(','), argument);
        }
        return text.toString();
    }

    private static void appendType(StringBuilder text, Type type) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            text.append(c.getName()).append('@').append(System.identityHashCode(c.getClassLoader()));
        } else if (type instanceof java.lang.reflect.ParameterizedType) {
            java.lang.reflect.ParameterizedType parameterized = (java.lang.reflect.ParameterizedType) type;
            if (parameterized.getOwnerType() != null) {
                appendType(text, parameterized.getOwnerType());
                text.append('.');
            }
            appendType(text, parameterized.getRawType());
            text.append('<');
            for (Type argument : parameterized.getActualTypeArguments()) {
                appendType(text, argument);
                text.append(',');
            }
            text.append('>');
        } else if (type instanceof java.lang.reflect.GenericArrayType) {
            appendType(text, ((java.lang.reflect.GenericArrayType) type).getGenericComponentType());
            text.append("[]");
        } else if (type instanceof java.lang.reflect.WildcardType) {
            java.lang.reflect.WildcardType wildcard = (java.lang.reflect.WildcardType) type;
            text.append("?+");
            for (Type bound : wildcard.getUpperBounds()) {
                appendType(text, bound);
            }
            text.append("?-");
            for (Type bound : wildcard.getLowerBounds()) {
                appendType(text, bound);
            }
        } else {
            text.append(type);
        }
    }

    private Type[] types(List<TypeNode> nodes) throws InvalidClassException {
        Type[] types = new Type[nodes.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = type(nodes.get(i));
        }
        return types;
    }

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "char", char.class, "short", short.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class, "void", void.class);

    /**
     * Resolves the class names of one recipe as {@code ObjectInputStream.resolveClass} does (the latest user-defined
     * loader, found once per recipe, classes not initialized) and asks the stream's filter about each.
     */
    public static TypeNode.ClassResolver classes(ObjectInputStream in) {
        return new TypeNode.ClassResolver() {
            private ClassLoader loader;
            private boolean found;

            @Override
            public Class<?> resolve(String name) throws IOException, ClassNotFoundException {
                Class<?> type = PRIMITIVES.get(name);
                if (type == null) {
                    if (!found) {
                        loader = JdkInternals.latestUserDefinedLoader();
                        found = true;
                    }
                    try {
                        type = Class.forName(name, false, loader);
                    } catch (ClassNotFoundException e) {
                        // not chained: the JDK's message holds the name as the stream wrote it
                        throw new ClassNotFoundException(Printable.className(name)
                                + " (named by a specialization recipe)");
                    }
                }
                if (StreamFilters.rejects(in, type, -1)) {
                    throw Refusals.invalidClass(RefusalReason.FILTER, Printable.className(name), "the stream's"
                            + " filter rejected " + Printable.className(name) + ", which a specialization recipe"
                            + " names");
                }
                return type;
            }
        };
    }

    /** Where a generator is looked for: the origin's loader, then the stream's, then the thread's context loader. */
    private static ClassLoader[] loaders(Class<?> origin) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        for (ClassLoader loader : new ClassLoader[] {origin.getClassLoader(), JdkInternals.latestUserDefinedLoader(),
            Thread.currentThread().getContextClassLoader()}) {
            if (loader != null) {
                loaders.add(loader);
            }
        }
        return loaders.toArray(new ClassLoader[0]);
    }

    private static InvalidClassException refused(RefusalReason reason, TypeNode.Specialized node, String why,
            Throwable cause) {
        String origin = Printable.className(node.origin.getName());
        InvalidClassException refused = new InvalidClassException(origin, "specialization of " + origin
                + " by generator '" + node.generatorId + "' refused: " + why);
        if (cause != null) {
            refused.initCause(cause);
        }
        return Refusals.counted(reason, origin, refused);
    }
}
