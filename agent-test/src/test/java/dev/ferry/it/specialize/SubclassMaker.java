package dev.ferry.it.specialize;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;

/**
 * The Byte Buddy half of the fixtures: specializations of the templates, the generated {@link Ingredient} that travels
 * by value, and a hidden class. Java 17 class files on both JDKs; Byte Buddy's random names, so that two JVMs name the
 * same specialization differently.
 */
final class SubclassMaker {

    /** Where a specialization is defined. */
    enum Definition {
        /** In the template's package and class loader, through a {@code MethodHandles.Lookup}. */
        TEMPLATE_PACKAGE,
        /** In a new class loader whose parent is the template's. */
        OWN_LOADER
    }

    /** The private field each specialization declares itself, beside the template's state. */
    static final String NOTE_FIELD = "note";

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);
    private static final Map<String, Class<?>> BY_NAME = new ConcurrentHashMap<>();

    private SubclassMaker() {
    }

    /** A subclass of {@code template} whose {@code typeName()} returns {@code typeName}, with a private note. */
    static Class<?> specialization(Class<?> template, String typeName, Definition definition) {
        return remember(BYTE_BUDDY.subclass(template)
                .defineField(NOTE_FIELD, String.class, Visibility.PRIVATE)
                .method(named("typeName")).intercept(FixedValue.value(typeName))
                .make()
                .load(template.getClassLoader(), strategy(template, definition))
                .getLoaded());
    }

    /** A generated {@link Ingredient} that is no specialization: it travels by value, with a key. */
    static Class<? extends Ingredient> ingredient(String flavour) {
        return remember(BYTE_BUDDY.subclass(Ingredient.class)
                .method(named("flavour")).intercept(FixedValue.value(flavour))
                .make()
                .load(Ingredient.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded());
    }

    /** A hidden class: no other JVM could ever name it. */
    static Class<?> hidden() throws IllegalAccessException {
        byte[] classFile = BYTE_BUDDY.subclass(Object.class).name(SubclassMaker.class.getPackageName() + ".Unnamable")
                .make().getBytes();
        return MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
    }

    /** A class made here, by name: only the in-JVM fixture self-check, which has no Ferry, looks them up. */
    static Class<?> byName(String name) {
        return BY_NAME.get(name);
    }

    private static <T> Class<T> remember(Class<T> type) {
        BY_NAME.put(type.getName(), type);
        return type;
    }

    private static ClassLoadingStrategy<ClassLoader> strategy(Class<?> template, Definition definition) {
        if (definition == Definition.OWN_LOADER) {
            return ClassLoadingStrategy.Default.WRAPPER;
        }
        try {
            return ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(template,
                    MethodHandles.lookup()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("no private lookup in " + template.getName(), e);
        }
    }
}
