package dev.ferry.samples.specialized.library;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates the specializations of templates, one subclass per {@link ModelType}, and caches them: the library's
 * equivalent of {@code Model[int]} in a validation library with generic models.
 *
 * <p>{@code specialize(Box.class, Integer.class)} returns the same class every time it is called in a JVM, and
 * generates it exactly once, even when threads ask for it at once. Each JVM generates its own classes, under names
 * Byte Buddy draws at random ({@code Box$ByteBuddy$x8Gq...}), so a name written by one JVM means nothing to another;
 * {@link #describe} tells what a generated class was made from.
 *
 * <p>A generated class implements {@link TypedModel#typeArguments()} with its arguments, declares
 * {@code serialVersionUID}, and is defined in a class loader of its own whose parent is the template's.
 */
public final class TypedModels {

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private static final ConcurrentMap<ModelType, Class<? extends TypedModel>> SPECIALIZATIONS =
            new ConcurrentHashMap<>();
    private static final ConcurrentMap<Class<?>, ModelType> MADE_FROM = new ConcurrentHashMap<>();
    private static final AtomicInteger GENERATED = new AtomicInteger();

    private TypedModels() {
    }

    /** @see #specialize(Class, List) */
    public static <M extends TypedModel> Class<? extends M> specialize(Class<M> template, Type... arguments) {
        return specialize(template, List.of(arguments));
    }

    /**
     * The specialization of {@code template} for {@code arguments}: from the cache, or generated now.
     *
     * @param arguments classes (specializations among them), parameterized and generic array types, wildcards
     * @throws IllegalArgumentException if {@code template} is not a {@link #isTemplate template}, or the arguments
     *                                  are not one concrete type per type parameter
     */
    public static <M extends TypedModel> Class<? extends M> specialize(Class<M> template,
            List<? extends Type> arguments) {
        if (!isTemplate(template)) {
            throw new IllegalArgumentException(template.getName() + " is not a template: an abstract subclass of "
                    + TypedModel.class.getSimpleName() + " with type parameters");
        }
        int parameters = template.getTypeParameters().length;
        if (arguments.size() != parameters) {
            throw new IllegalArgumentException(template.getSimpleName() + " takes " + parameters
                    + " type arguments, not " + arguments.size());
        }
        arguments.forEach(TypeCheck::requireConcrete);
        return SPECIALIZATIONS.computeIfAbsent(new ModelType(template, List.copyOf(arguments)),
                TypedModels::generate).asSubclass(template);
    }

    /** A new instance of {@code template}'s specialization for {@code arguments}, all fields unset. */
    public static <M extends TypedModel> M newInstance(Class<M> template, Type... arguments) {
        Class<? extends M> specialization = specialize(template, arguments);
        try {
            return specialization.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + template.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the generated " + specialization.getName(), e);
        }
    }

    /** What {@code type} was generated from, if this library generated it in this JVM. */
    public static Optional<ModelType> describe(Class<?> type) {
        return Optional.ofNullable(MADE_FROM.get(type));
    }

    /** Whether {@link #specialize} accepts {@code type} as a template. Does not initialize {@code type}. */
    public static boolean isTemplate(Class<?> type) {
        return TypedModel.class.isAssignableFrom(type) && Modifier.isAbstract(type.getModifiers())
                && type.getTypeParameters().length > 0;
    }

    /** How many classes this library generated in this JVM. */
    public static int generated() {
        return GENERATED.get();
    }

    /** Called once per model type, under the cache's lock for that key. */
    private static Class<? extends TypedModel> generate(ModelType type) {
        Class<? extends TypedModel> made = BYTE_BUDDY.subclass(type.template())
                // one serialVersionUID in every JVM; the computed one would hash the name Byte Buddy draws at random
                .defineField("serialVersionUID", long.class, Visibility.PRIVATE, Ownership.STATIC,
                        FieldManifestation.FINAL)
                .value(1L)
                .method(ElementMatchers.named("typeArguments").and(ElementMatchers.takesNoArguments()))
                .intercept(FixedValue.reference(type.arguments()))
                .make()
                .load(type.template().getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        MADE_FROM.put(made, type);
        GENERATED.incrementAndGet();
        return made;
    }
}
