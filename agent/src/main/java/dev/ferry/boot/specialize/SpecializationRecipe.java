package dev.ferry.boot.specialize;

import dev.ferry.boot.byvalue.ClassRecipe;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The specialization recipe: which generator made a class, from which origin and type arguments ({@link TypeNode}s,
 * nested specializations among them). It is the annotation of the class's descriptor in a stream, like a
 * {@link ClassRecipe}, so instances stay ordinary objects of the class and their state is the class's serial form.
 * Unlike a class recipe it is written as the annotation's block data, not as an object: a stream that carries one
 * specialization costs little more than one that carries an ordinary class.
 *
 * <p>Serial form (version 1): version (byte), then the root {@link TypeNode.Specialized}.
 *
 * <p>Reading a recipe makes no class: it loads the classes it names (without initializing them) through the stream's
 * loader and filter. The registry then checks every generator id and origin before it asks any generator for a class.
 */
public final class SpecializationRecipe {

    private static final int VERSION = 1;

    private final TypeNode.Specialized root;

    public SpecializationRecipe(TypeNode.Specialized root) {
        this.root = root;
    }

    public TypeNode.Specialized root() {
        return root;
    }

    public void write(ObjectOutput out) throws IOException {
        out.writeByte(VERSION);
        root.write(out);
    }

    /** @param classes resolves the names of classes the recipe names, as the stream {@code in} would */
    public static SpecializationRecipe read(ObjectInput in, TypeNode.ClassResolver classes)
            throws IOException, ClassNotFoundException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw TypeNode.malformed("version " + version + " (this Ferry reads version " + VERSION
                    + "; written by a newer Ferry?)");
        }
        TypeNode node = TypeNode.read(new TypeNode.Reading(in, classes), 0);
        if (!(node instanceof TypeNode.Specialized)) {
            throw TypeNode.malformed("its root is not a specialization");
        }
        return new SpecializationRecipe((TypeNode.Specialized) node);
    }
}
