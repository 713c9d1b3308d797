package dev.ferry.samples.specialized;

import dev.ferry.samples.specialized.library.ModelType;
import dev.ferry.samples.specialized.library.TypedModel;
import java.io.Serializable;
import java.util.Objects;

/**
 * A column of a table schema whose values are models of one specialization: a {@code Class} of a generated class in
 * a field, which Java serialization writes by name like any class.
 *
 * @param name the column's name
 * @param type the class of its values, such as {@code TypedModels.specialize(Pair.class, String.class, Integer.class)}
 */
record Column(String name, Class<? extends TypedModel> type) implements Serializable {

    Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** {@code Column(berth: Pair<String, Integer>)}. */
    @Override
    public String toString() {
        return "Column(" + name + ": " + ModelType.nameOf(type) + ")";
    }
}
