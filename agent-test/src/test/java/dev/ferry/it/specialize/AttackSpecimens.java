package dev.ferry.it.specialize;

import java.lang.reflect.Type;
import java.util.List;

/**
 * The specializations the attack suite ({@code dev.ferry.it.attack}) writes, patches and reads, made through this
 * package's library and generators, and what the reader's libraries made meanwhile. Public so that the attack
 * programs stay in their own package.
 */
public final class AttackSpecimens {

    private AttackSpecimens() {
    }

    /** A {@code Box<argument>} holding {@code value}. */
    public static Object box(Class<?> argument, Object value, String note) {
        return Specimens.box(argument, value, note);
    }

    /** A {@code Box<argument>} never set: the argument is named by the recipe only, never by an instance. */
    public static Object unsetBox(Class<?> argument, String note) {
        return Specimens.unsetBox(argument, note);
    }

    /**
     * A {@code Pair<Box<Byte>, Crate<Byte>>}: a nested specialization every reader's generator makes, beside one of
     * the explicitly registered generator a reader does not know unless it registers it. The writer registers it.
     */
    public static Object pairOfKnownAndUnknown(String note) {
        CratesGenerator.register();
        Type knownBox = TemplateSpecializer.BOXES.specialize(Box.class, Byte.class);
        Type unknownCrate = TemplateSpecializer.CRATES.specialize(Crate.class, Byte.class);
        return Specimens.pair(knownBox, unknownCrate, Specimens.box(Byte.class, (byte) 1, "known"),
                Specimens.crate(Byte.class, (byte) 2, "unknown"), note);
    }

    /** One {@code Box} per argument, each a class of its own. */
    public static List<Object> boxes(List<Class<?>> arguments, String note) {
        return arguments.stream().map(argument -> (Object) Specimens.unsetBox(argument, note)).toList();
    }

    /** The classes the specializing libraries of this JVM made so far. */
    public static int generations() {
        return TemplateSpecializer.allGenerations();
    }

    /** A one-line description that is the same in every JVM for the same state (never a generated class's name). */
    public static String describe(Object value) {
        return Descriptions.of(value);
    }

    /** Whether {@code value} is one of this package's specializations. */
    public static boolean isSpecimen(Object value) {
        return value instanceof Box || value instanceof Pair;
    }
}
