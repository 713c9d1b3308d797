package dev.ferry.boot.wire;

import dev.ferry.boot.byvalue.ByValue;
import dev.ferry.boot.byvalue.ClassFacts;
import dev.ferry.boot.byvalue.GeneratedClasses;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.boot.lambda.WireClasses;
import dev.ferry.boot.specialize.SpecializationGenerators;
import dev.ferry.boot.specialize.SpecializationShipping;
import dev.ferry.boot.byvalue.ClassRecipe;
import dev.ferry.boot.byvalue.ClassRecipes;
import dev.ferry.boot.specialize.ClassTravel;
import dev.ferry.boot.specialize.SpecializationRecipe;
import dev.ferry.boot.specialize.TypeNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The writer's decision, once per class: write it by name as the JDK does, or as the call site of a lambda's wire class, or as the {@link SpecializationRecipe} of
 * the generator that describes it, or ship it by value as a {@link ClassRecipe}, or mark it as generated but not shippable so the reader can say why it cannot find it.
 *
 * <p>A class is generated when its defining loader cannot return its class file by name (the JVM's own criterion for
 * "importable"); classes Ferry saw defined that way have their bytes recorded ({@link GeneratedClasses}). Hidden
 * classes are generated too, but their bytes never pass the class-file hook. {@code byName} and {@code byValue}
 * override the criterion for chosen packages.
 */
public final class ClassShipping {

    public enum Kind { BY_NAME, LAMBDA, BY_VALUE, SPECIALIZATION, NO_KEY, UNAVAILABLE }

    /** What to write for one class. */
    public static final class Shipment {
        public static final Shipment BY_NAME = new Shipment(Kind.BY_NAME, null, null, null);
        /** A call site's wire class: its annotation names the call site. */
        public static final Shipment LAMBDA = new Shipment(Kind.LAMBDA, null, null, null);

        public final Kind kind;
        /** {@link Kind#BY_VALUE} only. */
        public final ClassRecipe recipe;
        /** {@link Kind#SPECIALIZATION} only. */
        public final SpecializationRecipe specialization;
        public final String reason;
        /**
         * The generators' registrations this decision was made under ({@link SpecializationGenerators#registrations});
         * null when no generator was asked.
         */
        public final List<SpecializationGenerator> registrations;

        private Shipment(Kind kind, ClassRecipe recipe, SpecializationRecipe specialization, String reason) {
            this(kind, recipe, specialization, reason, null);
        }

        private Shipment(Kind kind, ClassRecipe recipe, SpecializationRecipe specialization, String reason,
                List<SpecializationGenerator> registrations) {
            this.kind = kind;
            this.recipe = recipe;
            this.specialization = specialization;
            this.reason = reason;
            this.registrations = registrations;
        }

        Shipment madeUnder(List<SpecializationGenerator> generatorRegistrations) {
            return new Shipment(kind, recipe, specialization, reason, generatorRegistrations);
        }

        public static Shipment byValue(ClassRecipe recipe) {
            return new Shipment(Kind.BY_VALUE, recipe, null, null);
        }

        public static Shipment specialization(SpecializationRecipe recipe) {
            return new Shipment(Kind.SPECIALIZATION, null, recipe, null);
        }

        public static Shipment noKey() {
            return new Shipment(Kind.NO_KEY, null, null, null);
        }

        public static Shipment unavailable(String reason) {
            return new Shipment(Kind.UNAVAILABLE, null, null, reason);
        }
    }

    /** The classes this thread is deciding about: a class's static state is written while deciding it. */
    private static final ThreadLocal<Set<Class<?>>> DECIDING = new ThreadLocal<>() {
        @Override
        protected Set<Class<?>> initialValue() {
            return new java.util.HashSet<>();
        }
    };

    /** How the classes a specialization names travel: as every class does. */
    private static final ClassTravel TRAVEL = new ClassTravel() {
        @Override
        public TypeNode of(Class<?> type) throws ClassTravel.Refused {
            return travelOf(type);
        }
    };

    /** The recipes of the classes a class by value links. */
    private static final Function<Class<?>, ClassRecipe> RECIPES = new Function<>() {
        @Override
        public ClassRecipe apply(Class<?> type) {
            return recipeOf(type);
        }
    };

    /**
     * The decision, computed once per class. A class's static state is written while deciding it, and a static value
     * that refers back to the class (directly or through another class) asks for the same decision again on this
     * thread: refused there, so that decisions already made cost a {@code ClassValue} lookup and nothing more.
     */
    private static final ClassValue<Shipment> SHIPMENTS = new ClassValue<>() {
        @Override
        protected Shipment computeValue(Class<?> type) {
            Set<Class<?>> deciding = DECIDING.get();
            if (!deciding.add(type)) {
                throw new UncheckedIOException(new NotSerializableException(type.getName() + ": generated class"
                        + " cannot be written: its static state or its type arguments refer back to the class itself,"
                        + " which a recipe cannot carry"));
            }
            try {
                return decide(type);
            } finally {
                deciding.remove(type);
            }
        }
    };

    private ClassShipping() {
    }

    /**
     * @throws NotSerializableException when the class is to be shipped but its static state cannot be written
     */
    public static Shipment of(Class<?> type) throws NotSerializableException {
        try {
            Shipment shipment = SHIPMENTS.get(type);
            if (shipment.registrations != null && shipment.registrations != SpecializationGenerators.registrations()) {
                // a generator was registered or unregistered since: decide again
                SHIPMENTS.remove(type);
                shipment = SHIPMENTS.get(type);
            }
            return shipment;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NotSerializableException) {
                throw (NotSerializableException) e.getCause();
            }
            throw e;
        }
    }

    /** The recipe of a class that is shipped by value, for recipes that link it; null otherwise. */
    public static ClassRecipe recipeOf(Class<?> type) {
        try {
            Shipment shipment = of(type);
            return shipment.kind == Kind.BY_VALUE ? shipment.recipe : null;
        } catch (NotSerializableException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shipment decide(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || Proxy.isProxyClass(type)) {
            return Shipment.BY_NAME;
        }
        if (WireClasses.isWireClass(type)) {
            return Shipment.LAMBDA;
        }
        String internalName = type.getName().replace('.', '/');
        ByValue settings = ByValue.settings();
        if (settings.forcedByName(internalName) || internalName.startsWith("dev/ferry/agent/") || internalName.startsWith("dev/ferry/boot/")) {
            return Shipment.BY_NAME;
        }
        boolean hidden = type.isHidden();
        boolean forced = settings.forcedByValue(internalName);
        byte[] bytes = hidden ? null : GeneratedClasses.bytesOf(type);
        if (!hidden && bytes == null && !forced && !isGenerated(type, internalName)) {
            return Shipment.BY_NAME;
        }
        List<SpecializationGenerator> registrations = SpecializationGenerators.registrations();
        return generated(type, internalName, hidden, forced, bytes, settings).madeUnder(registrations);
    }

    /** The decision for a class no loader can return by name (or forced by value). */
    private static Shipment generated(Class<?> type, String internalName, boolean hidden, boolean forced,
            byte[] bytes, ByValue settings) {
        SpecializationRecipe specialization = SpecializationShipping.of(type, TRAVEL);
        if (specialization != null) {
            return Shipment.specialization(specialization);
        }
        if (hidden) {
            return Shipment.unavailable("it is a hidden class, whose bytes Ferry never sees (only lambdas and"
                    + " specializations a generator describes travel among hidden classes)");
        }
        if (settings.key == null) {
            return Shipment.noKey();
        }
        if (bytes == null && forced) {
            bytes = classFileOnClassPath(type, internalName);
        }
        if (bytes == null) {
            return Shipment.unavailable("it was defined before Ferry started, or by a loader Ferry does not watch, so"
                    + " its bytes were not recorded");
        }
        return Shipment.byValue(ClassRecipes.of(type, bytes, RECIPES));
    }

    /** How a class a specialization names travels: the same decision as for every class. */
    private static TypeNode travelOf(Class<?> type) throws ClassTravel.Refused {
        Shipment shipment;
        try {
            shipment = of(type);
        } catch (NotSerializableException e) {
            throw new ClassTravel.Refused("the class " + type.getName() + ", which cannot be written: "
                    + e.getMessage(), e);
        }
        switch (shipment.kind) {
            case BY_NAME:
            case BY_VALUE:
                return new TypeNode.ClassLeaf(type, shipment.kind == Kind.BY_VALUE);
            case SPECIALIZATION:
                return shipment.specialization.root();
            case NO_KEY:
                throw new ClassTravel.Refused("the generated class " + type.getName() + ", which is not a"
                        + " specialization and travels by value only with a key (keyFile=PATH on both JVMs)", null);
            case UNAVAILABLE:
                throw new ClassTravel.Refused("the generated class " + type.getName() + ", which cannot travel: "
                        + shipment.reason, null);
            default:
                throw new ClassTravel.Refused("the lambda class " + type.getName() + ", which no type argument can"
                        + " name", null);
        }
    }

    /** The JVM's criterion: a class is importable when its defining loader returns its class file by name. */
    static boolean isGenerated(Class<?> type, String internalName) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        return loader.getResource(internalName + ".class") == null;
    }

    private static byte[] classFileOnClassPath(Class<?> type, String internalName) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
