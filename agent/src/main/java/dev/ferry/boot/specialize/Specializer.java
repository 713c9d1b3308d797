package dev.ferry.boot.specialize;

import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.security.StreamFilters;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.api.Types;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final Map<TypeNode.Specialized, SpecializationGenerator> generators = new IdentityHashMap<>();

    private Specializer() {
    }

    public static Class<?> materialize(SpecializationRecipe recipe) throws InvalidClassException {
        Specializer specializer = new Specializer();
        specializer.check(recipe.root());
        return specializer.specialize(recipe.root());
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
        if (HANDED_OUT.get(type).compareAndSet(false, true)) {
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
        if (node instanceof TypeNode.ArrayOf) {
            return Types.arrayOf(type(((TypeNode.ArrayOf) node).component));
        }
        try {
            if (node instanceof TypeNode.Parameterized) {
                TypeNode.Parameterized parameterized = (TypeNode.Parameterized) node;
                Type owner = parameterized.owner == null ? null : type(parameterized.owner);
                return Types.parameterizedWithOwner(owner, parameterized.raw, types(parameterized.arguments));
            }
            TypeNode.Wildcard wildcard = (TypeNode.Wildcard) node;
            return Types.wildcard(types(wildcard.upper), types(wildcard.lower));
        } catch (IllegalArgumentException e) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "specialization recipe",
                    "malformed specialization recipe: " + e.getMessage());
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
        ClassLoader[] loader = new ClassLoader[1];
        boolean[] found = new boolean[1];
        return name -> {
            Class<?> type = PRIMITIVES.get(name);
            if (type == null) {
                if (!found[0]) {
                    loader[0] = JdkInternals.latestUserDefinedLoader();
                    found[0] = true;
                }
                try {
                    type = Class.forName(name, false, loader[0]);
                } catch (ClassNotFoundException e) {
                    // not chained: the JDK's message holds the name as the stream wrote it
                    throw new ClassNotFoundException(Printable.className(name) + " (named by a specialization recipe)");
                }
            }
            if (StreamFilters.rejects(in, type, -1)) {
                throw Refusals.invalidClass(RefusalReason.FILTER, Printable.className(name), "the stream's filter"
                        + " rejected " + Printable.className(name) + ", which a specialization recipe names");
            }
            return type;
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
