package dev.ferry.it.specialize;

import java.lang.reflect.Field;
import java.lang.reflect.Type;

/** Instances of specializations, made as an application makes them: through the constructor and setters. */
final class Specimens {

    private Specimens() {
    }

    /** A {@code Box<argument>} holding {@code value}. */
    static Box<Object> box(Type argument, Object value, String note) {
        return unsetBox(argument, note).put(value);
    }

    /** A {@code Box<argument>} never {@link Box#put}. */
    static Box<Object> unsetBox(Type argument, String note) {
        return noted(asBox(TemplateSpecializer.BOXES.specialize(Box.class, argument)), note);
    }

    /** A {@code Pair<first, second>} holding the two values. */
    @SuppressWarnings("unchecked")
    static Pair<Object, Object> pair(Type first, Type second, Object firstValue, Object secondValue, String note) {
        Class<?> type = TemplateSpecializer.BOXES.specialize(Pair.class, first, second);
        return noted((Pair<Object, Object>) instantiate(type), note).put(firstValue, secondValue);
    }

    /** A {@code Crate<argument>} holding {@code value}, made by the explicitly registered generator's library. */
    static Box<Object> crate(Type argument, Object value, String note) {
        return noted(asBox(TemplateSpecializer.CRATES.specialize(Crate.class, argument)), note).put(value);
    }

    /** A {@code Box<argument>} of the racy library. */
    static Box<Object> racyBox(Type argument, Object value) {
        return asBox(TemplateSpecializer.RACY_BOXES.specialize(Box.class, argument)).put(value);
    }

    /** An instance of the generated {@link Ingredient}, which travels by value. */
    static Ingredient ingredient(String name, String flavour) {
        return ((Ingredient) instantiate(SubclassMaker.ingredient(flavour))).named(name);
    }

    /** The private note the specialization class itself declares. */
    static String noteOf(Object specialization) {
        try {
            return (String) noteField(specialization).get(specialization);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T noted(T specialization, String note) {
        try {
            noteField(specialization).set(specialization, note);
            return specialization;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field noteField(Object specialization) throws NoSuchFieldException {
        Field note = specialization.getClass().getDeclaredField(SubclassMaker.NOTE_FIELD);
        note.setAccessible(true);
        return note;
    }

    @SuppressWarnings("unchecked")
    private static Box<Object> asBox(Class<?> type) {
        return (Box<Object>) instantiate(type);
    }

    static Object instantiate(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }
}
