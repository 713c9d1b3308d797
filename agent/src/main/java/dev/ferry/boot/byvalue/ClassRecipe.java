package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.security.StreamFilters;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The class-by-value recipe: one generated class as the writer's JVM defined it, and what the reader needs to define
 * an equivalent one. It is the annotation of the class's descriptor in a stream, so a stream carries it once however
 * many instances it holds, and shares it by handle with every recipe that links it.
 *
 * <p>Serial form (external data, version 1): version (byte), binary name (UTF), origin (long: the writing JVM's
 * random id; int: the defining loader's number in that JVM), class bytes (int length, bytes), static state (int length,
 * bytes: the values of the static fields a generator set after definition, as a nested stream), linked recipes
 * (unsigned short count, objects: the generated classes this one names), HMAC-SHA256 tag (unsigned byte length,
 * bytes) over name, origin, class bytes and static state.
 *
 * <p>Reading a recipe defines and runs nothing: the registry verifies the tag and the policy first
 * ({@code dev.ferry.boot.byvalue.ClassRegistry}).
 */
public final class ClassRecipe implements Externalizable {

    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;
    /** Tag domain: a tag made for something else can never verify as a class recipe's. */
    public static final String TAG_DOMAIN = "ferry-class-recipe-v1";
    /** Refused above this size: javac's own limits keep real classes far smaller. */
    public static final int MAX_CLASS_BYTES = 8 << 20;
    public static final int MAX_STATIC_STATE_BYTES = 16 << 20;
    public static final int MAX_LINKED = 4096;
    /** The first allocation for a recipe's byte array; it doubles as the bytes arrive. */
    private static final int CHUNK = 64 << 10;

    private String name;
    private long jvmId;
    private int loaderNumber;
    private byte[] bytes;
    private byte[] staticState;
    private byte[] tag;
    private volatile ClassRecipe[] linked;
    /** Writer side: the linked recipes are found when first written, so that recipes may link each other. */
    private transient Class<?>[] linkedClasses;
    private transient Function<Class<?>, ClassRecipe> recipes;

    /** For deserialization only. */
    public ClassRecipe() {
    }

    /** Writer side. */
    public ClassRecipe(String name, long jvmId, int loaderNumber, byte[] bytes, byte[] staticState, byte[] tag,
            Class<?>[] linkedClasses, Function<Class<?>, ClassRecipe> recipes) {
        this.name = name;
        this.jvmId = jvmId;
        this.loaderNumber = loaderNumber;
        this.bytes = bytes;
        this.staticState = staticState;
        this.tag = tag;
        this.linkedClasses = linkedClasses;
        this.recipes = recipes;
    }

    /** The parts the tag covers, in order. */
    public static byte[][] taggedParts(String name, long jvmId, int loaderNumber, byte[] bytes, byte[] staticState) {
        byte[] origin = new byte[12];
        for (int i = 0; i < 8; i++) {
            origin[i] = (byte) (jvmId >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            origin[8 + i] = (byte) (loaderNumber >>> (24 - 8 * i));
        }
        return new byte[][] {name.getBytes(StandardCharsets.UTF_8), origin, bytes, staticState};
    }

    public byte[][] taggedParts() {
        return taggedParts(name, jvmId, loaderNumber, bytes, staticState);
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

    public byte[] tag() {
        return tag;
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
    public void writeExternal(ObjectOutput out) throws IOException {
        ClassRecipe[] links = linked();
        out.writeByte(VERSION);
        out.writeUTF(name);
        out.writeLong(jvmId);
        out.writeInt(loaderNumber);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeInt(staticState.length);
        out.write(staticState);
        out.writeShort(links.length);
        for (ClassRecipe link : links) {
            out.writeObject(link);
        }
        out.writeByte(tag.length);
        out.write(tag);
        AgentCounters.classShipped();
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw Refusals.invalidObject(RefusalReason.MALFORMED, "class recipe", "refused class recipe: serial form version " + version + " is not "
                    + VERSION + " (written by another Ferry version)");
        }
        name = in.readUTF();
        jvmId = in.readLong();
        loaderNumber = in.readInt();
        bytes = readBytes(in, MAX_CLASS_BYTES, "class bytes");
        staticState = readBytes(in, MAX_STATIC_STATE_BYTES, "static state");
        int count = in.readUnsignedShort();
        if (count > MAX_LINKED) {
            throw Refusals.invalidObject(RefusalReason.MALFORMED, Printable.className(name), "refused class recipe of "
                    + Printable.className(name) + ": it links " + count
                    + " classes, more than " + MAX_LINKED);
        }
        ClassRecipe[] links = new ClassRecipe[count];
        for (int i = 0; i < count; i++) {
            Object link = in.readObject();
            if (!(link instanceof ClassRecipe)) {
                throw Refusals.invalidObject(RefusalReason.MALFORMED, Printable.className(name), "refused class recipe of "
                        + Printable.className(name) + ": linked recipe " + i + " is a "
                        + (link == null ? "null" : link.getClass().getName()));
            }
            links[i] = (ClassRecipe) link;
        }
        linked = links;
        tag = new byte[in.readUnsignedByte()];
        in.readFully(tag);
    }

    /**
     * Reads a length-prefixed byte array. The claimed length is checked against the limit and the stream's filter (as
     * a {@code byte[]} of that length) first, and the array grows with the bytes that actually arrive: a short stream
     * claiming megabytes costs what it sends.
     */
    private byte[] readBytes(ObjectInput in, int limit, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw Refusals.invalidObject(RefusalReason.MALFORMED, Printable.className(name), "refused class recipe of "
                    + Printable.className(name) + ": " + what + " of " + length + " bytes (limit " + limit + ")");
        }
        checkFilter(in, length);
        byte[] read = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == read.length) {
                read = Arrays.copyOf(read, Math.min(length, read.length * 2));
            }
            in.readFully(read, filled, read.length - filled);
            filled = read.length;
        }
        return read;
    }

    private void checkFilter(ObjectInput in, int length) throws IOException {
        if (StreamFilters.rejects(in, byte[].class, length)) {
            throw Refusals.invalidObject(RefusalReason.FILTER, Printable.className(name), "refused class recipe of "
                    + Printable.className(name) + ": the stream's ObjectInputFilter rejects a byte[" + length + "]");
        }
    }

    @Override
    public String toString() {
        return "ClassRecipe[" + name + ", " + bytes.length + " class bytes, " + staticState.length
                + " bytes of static state]";
    }
}
