package dev.ferry.agent.recipe;

import dev.ferry.agent.diagnostics.RefusalReason;
import dev.ferry.agent.runtime.Printable;
import dev.ferry.agent.runtime.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * One type in a {@link SpecializationRecipe}: a class, a specialization (generator id, origin, arguments), an array, a
 * parameterized type or a wildcard. Classes are written as {@code Class} objects of the enclosing stream, so the
 * stream's filter sees each, and a generated class among them travels by value as any class does.
 *
 * <p>Serial form: a kind byte, then per kind: {@code C} the class; {@code S} the generator id (UTF), the origin, the
 * argument count (unsigned byte) and the arguments; {@code A} the component; {@code P} whether an owner follows
 * (boolean), the owner, the raw class, the argument count and the arguments; {@code W} the upper bound count, the
 * bounds, the lower bound count, the bounds.
 */
public abstract class TypeNode {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 1024;
    public static final int MAX_ARGUMENTS = 255;

    private static final int CLASS = 'C';
    private static final int SPECIALIZED = 'S';
    private static final int ARRAY = 'A';
    private static final int PARAMETERIZED = 'P';
    private static final int WILDCARD = 'W';

    TypeNode() {
    }

    abstract void write(ObjectOutput out) throws IOException;

    /** The types this one is made of, in no particular order. */
    public abstract List<TypeNode> children();

    /** A class that travels as itself: from the class path, or by value. */
    public static final class ClassLeaf extends TypeNode {
        public final Class<?> type;

        public ClassLeaf(Class<?> type) {
            this.type = type;
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(CLASS);
            out.writeObject(type);
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
        public final List<TypeNode> arguments;

        public Specialized(String generatorId, Class<?> origin, List<TypeNode> arguments) {
            this.generatorId = generatorId;
            this.origin = origin;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(SPECIALIZED);
            out.writeUTF(generatorId);
            out.writeObject(origin);
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
        public final List<TypeNode> arguments;

        public Parameterized(TypeNode owner, Class<?> raw, List<TypeNode> arguments) {
            this.owner = owner;
            this.raw = raw;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        void write(ObjectOutput out) throws IOException {
            out.writeByte(PARAMETERIZED);
            out.writeBoolean(owner != null);
            if (owner != null) {
                owner.write(out);
            }
            out.writeObject(raw);
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

    /** Counts the nodes of one recipe as they are read. */
    static final class Budget {
        private int nodes;

        void spend(int depth) throws InvalidClassException {
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
                throw malformed("its types are nested deeper than " + MAX_DEPTH + " levels or number more than "
                        + MAX_NODES);
            }
        }
    }

    static TypeNode read(ObjectInput in, Budget budget, int depth) throws IOException, ClassNotFoundException {
        budget.spend(depth);
        int kind = in.readUnsignedByte();
        switch (kind) {
            case CLASS:
                return new ClassLeaf(readClass(in));
            case SPECIALIZED:
                String id = in.readUTF();
                if (!SpecializationRecipe.isValidGeneratorId(id)) {
                    throw malformed("its generator id \"" + Printable.of(id) + "\" is not a valid id");
                }
                Class<?> origin = readClass(in);
                return new Specialized(id, origin, readAll(in, budget, depth));
            case ARRAY:
                return new ArrayOf(read(in, budget, depth + 1));
            case PARAMETERIZED:
                TypeNode owner = in.readBoolean() ? read(in, budget, depth + 1) : null;
                Class<?> raw = readClass(in);
                return new Parameterized(owner, raw, readAll(in, budget, depth));
            case WILDCARD:
                List<TypeNode> upper = readAll(in, budget, depth);
                return new Wildcard(upper, readAll(in, budget, depth));
            default:
                throw malformed("unknown type kind " + kind);
        }
    }

    private static List<TypeNode> readAll(ObjectInput in, Budget budget, int depth)
            throws IOException, ClassNotFoundException {
        int count = in.readUnsignedByte();
        List<TypeNode> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nodes.add(read(in, budget, depth + 1));
        }
        return nodes;
    }

    private static Class<?> readClass(ObjectInput in) throws IOException, ClassNotFoundException {
        Object type = in.readObject();
        if (!(type instanceof Class)) {
            throw malformed("it holds " + (type == null ? "null" : Printable.className(type.getClass().getName()))
                    + " where a class belongs");
        }
        return (Class<?>) type;
    }

    static InvalidClassException malformed(String why) {
        return Refusals.invalidClass(RefusalReason.MALFORMED, "specialization recipe",
                "malformed specialization recipe: " + why);
    }
}
