package dev.ferry.boot.byvalue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The class-by-value recipe of one generated class: its name, its origin (the writing JVM's random id and its loader's
 * number there), its bytes as that JVM defined them, the static state its generator set after definition, the recipes
 * of the generated classes it names ({@link #linked}), and an HMAC-SHA256 tag over all of these, the linked classes'
 * names and origins included: a reader acts on nothing the tag does not cover.
 *
 * <p>On the writer the linked recipes and the tag are found when the recipe is first written, so that recipes of
 * classes that name each other can link each other; on the reader they come from the stream ({@link ClassRecipes}).
 */
public final class ClassRecipe {

    /** Tag domain: a tag made for something else can never verify as a class recipe's. */
    public static final String TAG_DOMAIN = "ferry-class-recipe-v2";

    private final String name;
    private final long jvmId;
    private final int loaderNumber;
    private final byte[] bytes;
    private final byte[] staticState;
    private final Class<?>[] superTypes;
    private volatile ClassRecipe[] linked;
    private volatile byte[] tag;
    /** Writer side only: what the linked recipes and the tag are made from. */
    private final Class<?>[] linkedClasses;
    private final Function<Class<?>, ClassRecipe> recipes;
    private final Function<byte[][], byte[]> signer;

    /**
     * Writer side.
     *
     * @param superTypes the class's superclass and interfaces, resolved through the reader's stream unless they travel
     *     in the same annotation
     * @param linkedClasses the generated classes the class names, whose recipes travel with it
     * @param recipes the recipe of a class, or null when it does not travel by value
     * @param signer the key's tag over the parts
     */
    ClassRecipe(String name, long jvmId, int loaderNumber, byte[] bytes, byte[] staticState, Class<?>[] superTypes,
            Class<?>[] linkedClasses, Function<Class<?>, ClassRecipe> recipes, Function<byte[][], byte[]> signer) {
        this.name = name;
        this.jvmId = jvmId;
        this.loaderNumber = loaderNumber;
        this.bytes = bytes;
        this.staticState = staticState;
        this.superTypes = superTypes;
        this.linkedClasses = linkedClasses;
        this.recipes = recipes;
        this.signer = signer;
    }

    /** Reader side: as read from a stream; {@link #link} completes it. */
    ClassRecipe(String name, long jvmId, int loaderNumber, byte[] bytes, byte[] staticState, byte[] tag) {
        this(name, jvmId, loaderNumber, bytes, staticState, new Class<?>[0], null, null, null);
        this.tag = tag;
    }

    void link(ClassRecipe[] links) {
        this.linked = links.clone();
    }

    /** The parts the tag covers, in order: name, origin, bytes, static state, then each linked class's name and origin. */
    byte[][] taggedParts() {
        ClassRecipe[] links = linked();
        byte[][] parts = new byte[4 + links.length][];
        parts[0] = name.getBytes(StandardCharsets.UTF_8);
        parts[1] = origin(jvmId, loaderNumber);
        parts[2] = bytes;
        parts[3] = staticState;
        for (int i = 0; i < links.length; i++) {
            byte[] linkName = links[i].name.getBytes(StandardCharsets.UTF_8);
            byte[] part = new byte[linkName.length + 12];
            System.arraycopy(linkName, 0, part, 0, linkName.length);
            System.arraycopy(origin(links[i].jvmId, links[i].loaderNumber), 0, part, linkName.length, 12);
            parts[4 + i] = part;
        }
        return parts;
    }

    private static byte[] origin(long jvmId, int loaderNumber) {
        byte[] origin = new byte[12];
        for (int i = 0; i < 8; i++) {
            origin[i] = (byte) (jvmId >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            origin[8 + i] = (byte) (loaderNumber >>> (24 - 8 * i));
        }
        return origin;
    }

    public String name() {
        return name;
    }

    public long jvmId() {
        return jvmId;
    }

    public int loaderNumber() {
        return loaderNumber;
    }

    /** The class bytes; the caller must not change them. */
    public byte[] bytes() {
        return bytes;
    }

    /** The nested stream holding the static state, empty when there is none; the caller must not change it. */
    public byte[] staticState() {
        return staticState;
    }

    /** The class's superclass and interfaces (writer side; empty on the reader, which reads them from the stream). */
    Class<?>[] superTypes() {
        return superTypes.clone();
    }

    /** The tag; on the writer made at the first call, once the linked recipes are known. */
    public byte[] tag() {
        byte[] known = tag;
        if (known == null) {
            known = signer.apply(taggedParts());
            tag = known;
        }
        return known;
    }

    /**
     * The recipes of the generated classes this class names; on the writer found at the first call (each stream that
     * writes the recipe asks), an array read without a lock afterwards. Two first calls racing find the same recipes.
     */
    public ClassRecipe[] linked() {
        ClassRecipe[] known = linked;
        if (known == null) {
            List<ClassRecipe> found = new ArrayList<>();
            for (Class<?> type : linkedClasses) {
                ClassRecipe recipe = recipes.apply(type);
                if (recipe != null) {
                    found.add(recipe);
                }
            }
            known = found.toArray(new ClassRecipe[0]);
            linked = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return "ClassRecipe[" + name + ", " + bytes.length + " class bytes, " + staticState.length
                + " bytes of static state]";
    }
}
