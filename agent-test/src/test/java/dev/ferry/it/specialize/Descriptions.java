package dev.ferry.it.specialize;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One-line descriptions of specializations and what they hold, the same in every JVM for the same state: types by
 * their rendered recipes ({@link Box#typeName()}), never by the random names of generated classes.
 */
final class Descriptions {

    private Descriptions() {
    }

    static String of(Object value) {
        if (value instanceof Box<?> box) {
            return box.typeName() + "{" + (box.isSet() ? "set " + of(box.get()) : "unset " + of(box.get()))
                    + ", note=" + Specimens.noteOf(box) + "}";
        }
        if (value instanceof Pair<?, ?> pair) {
            return pair.typeName() + "{" + of(pair.first()) + ", " + of(pair.second()) + ", note="
                    + Specimens.noteOf(pair) + "}";
        }
        if (value instanceof Ingredient ingredient) {
            return "ingredient(" + ingredient.name() + ", " + ingredient.flavour() + ")";
        }
        if (value instanceof Class<?> type) {
            return "class " + TypeNames.render(type);
        }
        if (value instanceof Object[] array) {
            return "array" + all(Stream.of(array));
        }
        if (value instanceof Collection<?> collection) {
            return "collection" + all(collection.stream());
        }
        if (value instanceof Map.Entry<?, ?> entry) {
            return "entry(" + of(entry.getKey()) + "=" + of(entry.getValue()) + ")";
        }
        if (value instanceof Map<?, ?> map) {
            return "map" + all(map.entrySet().stream());
        }
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static String all(Stream<?> values) {
        return values.map(Descriptions::of).collect(Collectors.joining(", ", "[", "]"));
    }
}
