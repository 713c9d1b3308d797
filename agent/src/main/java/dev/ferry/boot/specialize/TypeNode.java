package dev.ferry.boot.specialize;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.api.Specializations;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * One type in a {@link SpecializationRecipe}: a class, a specialization (generator id, origin, arguments), an array, a
 * parameterized type or a wildcard. A class the reader finds by name is written as its name, which the reader
 * resolves as {@code ObjectInputStream} would, through the stream's filter; a generated class that travels by value is
 * written as a {@code Class} object of the enclosing stream, so its descriptor carries its class recipe.
 *
 * <p>Serial form (block data of the descriptor's annotation): a kind byte, then per kind: {@code C} the class's name
 * (UTF); {@code V} the class (object); {@code S} the generator id (UTF), the origin (a {@code C} or {@code V} node),
 * the argument count (unsigned byte) and the arguments; {@code A} the component; {@code P} whether an owner follows
 * (boolean), the owner, the raw class (a {@code C} or {@code V} node), the argument count and the arguments;
 * {@code W} the upper bound count, the bounds, the lower bound count, the bounds.
 */
public abstract class TypeNode {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 1024;
    public static final int MAX_ARGUMENTS = 255;

    private static final int CLASS = 'C';
    private static final int CLASS_BY_VALUE = 'V';
    private static final int SPECIALIZED = 'S';
    private static final int ARRAY = 'A';
    private static final int PARAMETERIZED = 'P';
    private static final int WILDCARD = 'W';

    TypeNode() {
    }

    abstract void write(ObjectOutput out) throws IOException;

    /** The types this one is made of, in no particular order. */
    public abstract List<TypeNode> children();

    /** Resolves a class name as the reading stream would, through its filter. */
    public interface ClassResolver {
        Class<?> resolve(String name) throws IOException, ClassNotFoundException;
    }

    /** A class that travels as itself: by name (class path, JDK), or by value. */
    public static final class ClassLeaf extends TypeNode {
        public final Class<?> type;
        private final boolean byValue;

        public ClassLeaf(Class<?> type, boolean byValue) {
            this.type = type;
            this.byValue = byValue;
        }

        /** Whether the class travels by value (as a {@code Class} object of the stream) rather than by name. */
        public boolean byValue() {
            return byValue;
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            if (byValue) {
                out.writeByte(CLASS_BY_VALUE);
                out.writeObject(type);
            } else {
                out.writeByte(CLASS);
                out.writeUTF(type.getName());
            }
        }

        @Override
        public List<TypeNode> children() {
            return List.of();
        }
    }

    /** A class a generator made from an origin and arguments. */
    public static final class Specialized extends TypeNode {
        public final String generatorId;
        public final Class<?> origin;
        private final ClassLeaf originLeaf;
        public final List<TypeNode> arguments;

        public Specialized(String generatorId, ClassLeaf origin, List<TypeNode> arguments) {
            this.generatorId = generatorId;
            this.origin = origin.type;
            this.originLeaf = origin;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(SPECIALIZED);
            out.writeUTF(generatorId);
            originLeaf.write(out);
            writeAll(out, arguments);
        }

        @Override
        public List<TypeNode> children() {
            return arguments;
        }
    }

    /** An array of a type that is not a class here (a specialization, a generic type). */
    public static final class ArrayOf extends TypeNode {
        public final TypeNode component;

        public ArrayOf(TypeNode component) {
            this.component = component;
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(ARRAY);
            component.write(out);
        }

        @Override
        public List<TypeNode> children() {
            return List.of(component);
        }
    }

    public static final class Parameterized extends TypeNode {
        /** Null when the type has none. */
        public final TypeNode owner;
        public final Class<?> raw;
        private final ClassLeaf rawLeaf;
        public final List<TypeNode> arguments;

        public Parameterized(TypeNode owner, ClassLeaf raw, List<TypeNode> arguments) {
            this.owner = owner;
            this.raw = raw.type;
            this.rawLeaf = raw;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(PARAMETERIZED);
            out.writeBoolean(owner != null);
            if (owner != null) {
                owner.write(out);
            }
            rawLeaf.write(out);
            writeAll(out, arguments);
        }

        @Override
        public List<TypeNode> children() {
            if (owner == null) {
                return arguments;
            }
            List<TypeNode> children = new ArrayList<>(arguments);
            children.add(owner);
            return children;
        }
    }

    public static final class Wildcard extends TypeNode {
        public final List<TypeNode> upper;
        public final List<TypeNode> lower;

        public Wildcard(List<TypeNode> upper, List<TypeNode> lower) {
            this.upper = List.copyOf(upper);
            this.lower = List.copyOf(lower);
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(WILDCARD);
            writeAll(out, upper);
            writeAll(out, lower);
        }

        @Override
        public List<TypeNode> children() {
            List<TypeNode> children = new ArrayList<>(upper);
            children.addAll(lower);
            return children;
        }
    }

    private static void writeAll(ObjectOutput out, List<TypeNode> nodes) throws IOException {
        out.writeByte(nodes.size());
        for (TypeNode node : nodes) {
            node.write(out);
        }
    }

    /** What reading one recipe needs: the stream, the class resolver, and the count of nodes so far. */
    static final class Reading {
        final ObjectInput in;
        final ClassResolver classes;
        private int nodes;

        Reading(ObjectInput in, ClassResolver classes) {
            this.in = in;
            this.classes = classes;
        }

        void spend(int depth) throws InvalidClassException {
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
                throw malformed("its types are nested deeper than " + MAX_DEPTH + " levels or number more than "
                        + MAX_NODES);
            }
        }
    }

    static TypeNode read(Reading reading, int depth) throws IOException, ClassNotFoundException {
        reading.spend(depth);
        ObjectInput in = reading.in;
        int kind = in.readUnsignedByte();
        switch (kind) {
            case CLASS:
            case CLASS_BY_VALUE:
                return readLeaf(reading, kind);
            case SPECIALIZED:
                String id = in.readUTF();
                if (!Specializations.isValidGeneratorId(id)) {
                    throw malformed("its generator id \"" + Printable.of(id) + "\" is not a valid id");
                }
                ClassLeaf origin = readLeaf(reading, in.readUnsignedByte());
                return new Specialized(id, origin, readAll(reading, depth));
            case ARRAY:
                TypeNode component = read(reading, depth + 1);
                if (component instanceof ClassLeaf && ((ClassLeaf) component).type == void.class) {
                    throw malformed("an array of void");
                }
                return new ArrayOf(component);
            case PARAMETERIZED:
                TypeNode owner = in.readBoolean() ? read(reading, depth + 1) : null;
                ClassLeaf raw = readLeaf(reading, in.readUnsignedByte());
                List<TypeNode> arguments = readAll(reading, depth);
                int parameters = raw.type.getTypeParameters().length;
                if (parameters == 0 || parameters != arguments.size()) {
                    throw malformed(Printable.className(raw.type.getName()) + " has " + parameters
                            + " type parameters, the recipe gives it " + arguments.size() + " arguments");
                }
                return new Parameterized(owner, raw, arguments);
            case WILDCARD:
                List<TypeNode> upper = readAll(reading, depth);
                if (upper.isEmpty()) {
                    throw malformed("a wildcard without an upper bound");
                }
                return new Wildcard(upper, readAll(reading, depth));
            default:
                throw malformed("unknown type kind " + kind);
        }
    }

    private static List<TypeNode> readAll(Reading reading, int depth) throws IOException, ClassNotFoundException {
        int count = reading.in.readUnsignedByte();
        List<TypeNode> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nodes.add(read(reading, depth + 1));
        }
        return nodes;
    }

    private static ClassLeaf readLeaf(Reading reading, int kind) throws IOException, ClassNotFoundException {
        if (kind == CLASS) {
            return new ClassLeaf(reading.classes.resolve(reading.in.readUTF()), false);
        }
        if (kind != CLASS_BY_VALUE) {
            throw malformed("kind " + kind + " where a class belongs");
        }
        Object type = reading.in.readObject();
        if (!(type instanceof Class)) {
            throw malformed("it holds " + (type == null ? "null" : Printable.className(type.getClass().getName()))
                    + " where a class belongs");
        }
        return new ClassLeaf((Class<?>) type, true);
    }

    static InvalidClassException malformed(String why) {
        return Refusals.invalidClass(RefusalReason.MALFORMED, "specialization recipe",
                "malformed specialization recipe: " + why);
    }
}
