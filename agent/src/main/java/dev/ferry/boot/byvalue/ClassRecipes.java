package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.security.StreamFilters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How class recipes are made on the writer and travel: a class's recipe, with every recipe it links (transitively),
 * is the block data of its descriptor's annotation, followed by the closure's class-path super types as {@code Class}
 * objects, which the reader resolves the way its stream resolves classes.
 *
 * <p>Block data (after the annotation's head): the closure's size (unsigned short), then per recipe, the root first:
 * binary name (UTF), origin (long writing-JVM id, int loader number), class bytes (int length, bytes), static state
 * (int length, bytes), linked recipes (unsigned short count, unsigned short indexes into the closure), tag (unsigned
 * byte length, bytes); then the count of super types (unsigned short), each a {@code Class} object.
 */
public final class ClassRecipes {

    /** Refused above this size: javac's own limits keep real classes far smaller. */
    public static final int MAX_CLASS_BYTES = 8 << 20;
    public static final int MAX_STATIC_STATE_BYTES = 16 << 20;
    /** Recipes one annotation may carry (a class and the classes it links). */
    public static final int MAX_CLOSURE = 4096;
    /** The first allocation for a recipe's byte array; it doubles as the bytes arrive. */
    private static final int CHUNK = 64 << 10;

    /**
     * Static fields generators use as their own bookkeeping on the writer, which instances never read: CGLIB (and
     * Spring's copy) keeps its factory's data and the callback filter it matches cached classes with there.
     */
    private static final Set<String> GENERATOR_CACHES = Set.of("CGLIB$FACTORY_DATA", "CGLIB$CALLBACK_FILTER");

    private ClassRecipes() {
    }

    /** What a descriptor's annotation holds: the recipes (the descriptor's class first) and their super types. */
    public record Closure(List<ClassRecipe> recipes, List<Class<?>> superTypes) {
        public ClassRecipe root() {
            return recipes.get(0);
        }
    }

    /**
     * The recipe of {@code type}, defined with {@code bytes}.
     *
     * @param recipeOf the recipe of a linked class, or null when it does not travel by value
     * @throws UncheckedIOException holding a {@link NotSerializableException} when its static state cannot be written
     */
    public static ClassRecipe of(Class<?> type, byte[] bytes, Function<Class<?>, ClassRecipe> recipeOf) {
        ByValue settings = ByValue.settings();
        ClassFacts facts = settings.inspector.inspect(bytes);
        List<Class<?>> superTypes = new ArrayList<>();
        if (type.getSuperclass() != null) {
            superTypes.add(type.getSuperclass());
        }
        superTypes.addAll(Arrays.asList(type.getInterfaces()));
        return new ClassRecipe(type.getName(), ByValue.jvmId(), GeneratedClasses.loaderNumber(type.getClassLoader()),
                bytes, staticState(type, facts), superTypes.toArray(new Class<?>[0]),
                linkedClasses(type, facts, settings), recipeOf, new Function<byte[][], byte[]>() {
                    @Override
                    public byte[] apply(byte[][] parts) {
                        return settings.key.tag(ClassRecipe.TAG_DOMAIN, parts);
                    }
                });
    }

    /** Writes {@code root}'s closure and its super types (see the class comment). */
    public static void write(ObjectOutputStream out, ClassRecipe root) throws IOException {
        List<ClassRecipe> closure = closure(root);
        Map<ClassRecipe, Integer> indexes = new IdentityHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (ClassRecipe recipe : closure) {
            indexes.put(recipe, indexes.size());
            names.add(recipe.name());
        }
        out.writeShort(closure.size());
        for (ClassRecipe recipe : closure) {
            out.writeUTF(recipe.name());
            out.writeLong(recipe.jvmId());
            out.writeInt(recipe.loaderNumber());
            out.writeInt(recipe.bytes().length);
            out.write(recipe.bytes());
            out.writeInt(recipe.staticState().length);
            out.write(recipe.staticState());
            ClassRecipe[] links = recipe.linked();
            out.writeShort(links.length);
            for (ClassRecipe link : links) {
                out.writeShort(indexes.get(link));
            }
            byte[] tag = recipe.tag();
            out.writeByte(tag.length);
            out.write(tag);
        }
        Set<Class<?>> superTypes = new LinkedHashSet<>();
        for (ClassRecipe recipe : closure) {
            for (Class<?> superType : recipe.superTypes()) {
                if (!names.contains(superType.getName())) {
                    superTypes.add(superType);
                }
            }
        }
        out.writeShort(superTypes.size());
        for (Class<?> superType : superTypes) {
            out.writeObject(superType);
        }
    }

    /** The recipe and every recipe it links, each once, the root first. */
    static List<ClassRecipe> closure(ClassRecipe root) {
        Set<ClassRecipe> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<ClassRecipe> pending = new ArrayDeque<>();
        List<ClassRecipe> ordered = new ArrayList<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            ClassRecipe recipe = pending.removeFirst();
            if (seen.add(recipe)) {
                ordered.add(recipe);
                pending.addAll(Arrays.asList(recipe.linked()));
            }
        }
        return ordered;
    }

    /**
     * Reads a closure and its super types (resolved through {@code in}). Reading defines and runs nothing: the
     * registry verifies every tag and the reference policy first ({@link ClassRegistry}).
     *
     * @param described the descriptor's class name, for messages
     * @throws InvalidClassException when the closure is malformed or over a limit
     */
    public static Closure read(ObjectInputStream in, String described) throws IOException, ClassNotFoundException {
        String named = Printable.className(described);
        int count = in.readUnsignedShort();
        if (count == 0 || count > MAX_CLOSURE) {
            throw malformed(named, "it holds " + count + " recipes (1 to " + MAX_CLOSURE + ")");
        }
        List<ClassRecipe> recipes = new ArrayList<>(count);
        int[][] links = new int[count][];
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            long jvmId = in.readLong();
            int loaderNumber = in.readInt();
            byte[] bytes = readBytes(in, name, MAX_CLASS_BYTES, "class bytes");
            byte[] staticState = readBytes(in, name, MAX_STATIC_STATE_BYTES, "static state");
            links[i] = new int[in.readUnsignedShort()];
            for (int l = 0; l < links[i].length; l++) {
                links[i][l] = in.readUnsignedShort();
                if (links[i][l] >= count) {
                    throw malformed(named, "recipe " + i + " links recipe " + links[i][l] + " of " + count);
                }
            }
            byte[] tag = new byte[in.readUnsignedByte()];
            in.readFully(tag);
            recipes.add(new ClassRecipe(name, jvmId, loaderNumber, bytes, staticState, tag));
        }
        for (int i = 0; i < count; i++) {
            ClassRecipe[] linked = new ClassRecipe[links[i].length];
            for (int l = 0; l < linked.length; l++) {
                linked[l] = recipes.get(links[i][l]);
            }
            recipes.get(i).link(linked);
        }
        int superTypeCount = in.readUnsignedShort();
        if (superTypeCount > MAX_CLOSURE * 8) {
            throw malformed(named, "it names " + superTypeCount + " super types");
        }
        List<Class<?>> superTypes = new ArrayList<>(superTypeCount);
        for (int i = 0; i < superTypeCount; i++) {
            Object superType = in.readObject();
            if (!(superType instanceof Class)) {
                throw malformed(named, "super type " + i + " is "
                        + (superType == null ? "null" : Printable.className(superType.getClass().getName())));
            }
            superTypes.add((Class<?>) superType);
        }
        return new Closure(List.copyOf(recipes), List.copyOf(superTypes));
    }

    private static InvalidClassException malformed(String named, String why) {
        return Refusals.invalidClass(RefusalReason.MALFORMED, named, "refused class-by-value recipe of " + named
                + ": " + why);
    }

    /**
     * Reads a length-prefixed byte array. The claimed length is checked against the limit and the stream's filter (as
     * a {@code byte[]} of that length) first, and the array grows with the bytes that actually arrive: a short stream
     * claiming megabytes costs what it sends.
     */
    private static byte[] readBytes(ObjectInputStream in, String name, int limit, String what) throws IOException {
        int length = in.readInt();
        String named = Printable.className(name);
        if (length < 0 || length > limit) {
            throw malformed(named, what + " of " + length + " bytes (limit " + limit + ")");
        }
        if (StreamFilters.rejects(in, byte[].class, length)) {
            throw Refusals.invalidClass(RefusalReason.FILTER, named, "refused class recipe of " + named
                    + ": the stream's ObjectInputFilter rejects a byte[" + length + "]");
        }
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

    /**
     * The generated classes {@code type} names, in class constants (its generated super types among them) or only in
     * descriptors (a field's type), which must travel with it.
     */
    private static Class<?>[] linkedClasses(Class<?> type, ClassFacts facts, ByValue settings) {
        ClassLoader loader = type.getClassLoader();
        List<Class<?>> linked = new ArrayList<>();
        List<String> references = new ArrayList<>(facts.classReferences());
        references.addAll(facts.descriptorReferences()); // a field's type is loaded by reflection on the reader
        for (String reference : references) {
            if (reference.equals(facts.name()) || reference.startsWith("[") || settings.forcedByName(reference)) {
                continue;
            }
            if (GeneratedClasses.isRecordedInChain(loader, reference) || settings.forcedByValue(reference)) {
                try {
                    Class<?> named = Class.forName(reference.replace('/', '.'), false, loader);
                    if (named != type && (GeneratedClasses.bytesOf(named) != null
                            || settings.forcedByValue(reference))) {
                        linked.add(named);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // named in the constant pool but never loaded: the reader will not need it either
                }
            }
        }
        return linked.toArray(new Class<?>[0]);
    }

    /**
     * The static fields a generator set after definition: static, not final, not assigned by the class's own
     * initializer (the reader's initializer assigns those), and set. Written as a nested stream of name/value pairs.
     */
    private static byte[] staticState(Class<?> type, ClassFacts facts) {
        if (JdkInternals.isUninitialized(type)) {
            return new byte[0];
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)
                    || facts.initializerAssigned().contains(field.getName())
                    || GENERATOR_CACHES.contains(field.getName())) {
                continue;
            }
            Object value;
            try {
                field.setAccessible(true);
                value = field.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new UncheckedIOException(notSerializable(type, field, "it cannot be read: " + e));
            }
            if (value != null) {
                values.put(field.getName(), value);
            }
        }
        if (values.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String current = null;
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(values.size());
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                current = entry.getKey();
                out.writeUTF(entry.getKey());
                out.writeObject(entry.getValue());
            }
        } catch (IOException e) {
            Field field = fieldOrNull(type, current);
            throw new UncheckedIOException(notSerializable(type, field, e.toString()));
        }
        return bytes.toByteArray();
    }

    private static Field fieldOrNull(Class<?> type, String name) {
        try {
            return name == null ? null : type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static NotSerializableException notSerializable(Class<?> type, Field field, String why) {
        return new NotSerializableException(type.getName() + ": generated class cannot be shipped by value: its static"
                + " field " + (field == null ? "?" : field.getName()) + (field == null ? "" : " ("
                + field.getType().getName() + ")") + " holds state its generator set, and " + why);
    }
}
