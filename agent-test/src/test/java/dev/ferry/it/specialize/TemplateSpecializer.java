package dev.ferry.it.specialize;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The specializing library the tests use, as a framework would have it: one generated subclass per (template, type
 * arguments), made with Byte Buddy ({@link SubclassMaker}, random names, so each JVM names its classes differently),
 * cached, and counted per recipe. It knows nothing of Ferry; the generators ({@link LibraryGenerator}) adapt it.
 *
 * <p>Nothing here loads Byte Buddy until a class is made: Ferry asks generators to describe every generated class a
 * writer meets, in every test JVM, and a lookup must stay a lookup.
 */
final class TemplateSpecializer {

    /** Boxes and pairs, defined in the templates' package (the application class loader). */
    static final TemplateSpecializer BOXES = new TemplateSpecializer(Set.of(Box.class, Pair.class),
            ClassCache.locked(), SubclassMaker.Definition.TEMPLATE_PACKAGE);
    /** Crates, each defined in a class loader of its own. */
    static final TemplateSpecializer CRATES = new TemplateSpecializer(Set.of(Crate.class), ClassCache.locked(),
            SubclassMaker.Definition.OWN_LOADER);
    /** Boxes again, with a cache that makes a class once per caller when callers race ({@link ClassCache#racy()}). */
    static final TemplateSpecializer RACY_BOXES = new TemplateSpecializer(Set.of(Box.class), ClassCache.racy(),
            SubclassMaker.Definition.TEMPLATE_PACKAGE);

    /** Every library's classes, for rendering the ones nested in arguments. */
    private static final Map<Class<?>, Made> MADE = new ConcurrentHashMap<>();

    private record Made(TemplateSpecializer maker, Recipe recipe) {
    }

    private final Set<Class<?>> templates;
    private final ClassCache cache;
    private final SubclassMaker.Definition definition;
    private final Map<Recipe, AtomicInteger> generations = new ConcurrentHashMap<>();

    private TemplateSpecializer(Set<Class<?>> templates, ClassCache cache, SubclassMaker.Definition definition) {
        this.templates = templates;
        this.cache = cache;
        this.definition = definition;
    }

    boolean makes(Class<?> template) {
        return templates.contains(template);
    }

    Class<?> specialize(Class<?> template, Type... arguments) {
        return specialize(template, List.of(arguments));
    }

    /** The cached class, or a new one. */
    Class<?> specialize(Class<?> template, List<Type> arguments) {
        if (!makes(template)) {
            throw new IllegalArgumentException("no specializations of " + template.getName() + " here");
        }
        if (arguments.size() != template.getTypeParameters().length) {
            throw new IllegalArgumentException(template.getName() + " takes " + template.getTypeParameters().length
                    + " type arguments, not " + arguments);
        }
        return cache.get(new Recipe(template, arguments), this::make);
    }

    private Class<?> make(Recipe recipe) {
        Class<?> made = SubclassMaker.specialization(recipe.template(), TypeNames.of(recipe), definition);
        MADE.put(made, new Made(this, recipe));
        generations.computeIfAbsent(recipe, key -> new AtomicInteger()).incrementAndGet();
        return made;
    }

    /** The recipe of a class this library made; null for any other class. */
    Recipe recipeOf(Class<?> type) {
        Made made = MADE.get(type);
        return made != null && made.maker() == this ? made.recipe() : null;
    }

    /** The recipe of a class any library made; null for any other class. */
    static Recipe anyRecipeOf(Class<?> type) {
        Made made = MADE.get(type);
        return made == null ? null : made.recipe();
    }

    /** How many classes this library made for the recipe: 1 once made, more if callers raced it. */
    int generations(Class<?> template, Type... arguments) {
        AtomicInteger count = generations.get(Recipe.of(template, arguments));
        return count == null ? 0 : count.get();
    }

    /** How many classes every library made in this JVM. */
    static int allGenerations() {
        return BOXES.total() + CRATES.total() + RACY_BOXES.total();
    }

    private int total() {
        return generations.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
