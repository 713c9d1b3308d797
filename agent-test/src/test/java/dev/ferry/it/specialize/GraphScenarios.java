package dev.ferry.it.specialize;

import static dev.ferry.it.specialize.ArgumentScenarios.boxOf;
import static dev.ferry.it.specialize.SpecializationScenario.firstOf;
import static dev.ferry.it.specialize.SpecializationScenario.firstRoot;
import static dev.ferry.it.specialize.SpecializationScenario.sameClass;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Specializations inside ordinary object graphs (in fields of a class-path object, as {@code Class} objects, in arrays,
 * in a cycle, twice in one stream), and the private state of their instances: set, unset, set to null.
 */
final class GraphScenarios {

    private GraphScenarios() {
    }

    static List<SpecializationScenario> all() {
        return List.of(
                new SpecializationScenario("specialization_instance_in_a_field_of_a_class_path_object_should_roundtrip",
                        () -> new Object[] {new Shelf().item(Specimens.box(Integer.class, 3, "on a shelf"))},
                        roots -> "item=" + Descriptions.of(shelf(roots).item()),
                        roots -> sameClass("the shelf's item", shelf(roots).item(), boxOf(Integer.class))),
                new SpecializationScenario("specialization_class_in_a_field_should_read_as_the_readers_own_class",
                        () -> new Object[] {new Shelf().kind(boxOf(Long.class))},
                        roots -> "kind=" + Descriptions.of(shelf(roots).kind()),
                        roots -> sameClass("the shelf's kind", shelf(roots).kind(), boxOf(Long.class))),
                new SpecializationScenario("specialization_class_written_as_an_object_should_read_as_the_readers_own",
                        () -> new Object[] {boxOf(boxOf(Double.class))}, firstRoot(),
                        roots -> sameClass("the class read", (Class<?>) roots[0], boxOf(boxOf(Double.class)))),
                new SpecializationScenario("array_of_a_specialization_class_should_roundtrip_as_an_array_of_the_readers"
                        + "_class", GraphScenarios::arrayOfBoxes,
                        roots -> "sameFirstAndLast=" + (((Object[]) roots[0])[0] == ((Object[]) roots[0])[2]) + " "
                                + Descriptions.of(roots[0]),
                        roots -> firstOf(sameClass("the array", roots[0], boxOf(Integer.class).arrayType()),
                                sameClass("its element", ((Object[]) roots[0])[1], boxOf(Integer.class)))),
                new SpecializationScenario("array_in_a_field_holding_different_specializations_and_a_class_should_"
                        + "roundtrip", () -> new Object[] {new Shelf().items(Specimens.box(Integer.class, 6, "mixed"),
                                Specimens.pair(String.class, Long.class, "pair", 2L, "mixed"), boxOf(Short.class))},
                        roots -> "items=" + Descriptions.of(shelf(roots).items()),
                        roots -> firstOf(sameClass("the first item", shelf(roots).items()[0], boxOf(Integer.class)),
                                sameClass("the third item", (Class<?>) shelf(roots).items()[2],
                                        boxOf(Short.class)))),
                new SpecializationScenario("cycle_through_a_specialization_instance_should_roundtrip",
                        GraphScenarios::cycle, GraphScenarios::describeCycle,
                        roots -> sameClass("the shelf's box", shelf(roots).item(), boxOf(Shelf.class))),
                new SpecializationScenario("specialization_instance_written_twice_should_read_as_one_object",
                        () -> {
                            Box<Object> twice = Specimens.box(Integer.class, 4, "twice");
                            return new Object[] {twice, twice};
                        },
                        roots -> "sameObject=" + (roots[0] == roots[1]) + " " + Descriptions.of(roots[1]),
                        roots -> sameClass("the box", roots[0], boxOf(Integer.class))),
                new SpecializationScenario("unset_specialization_should_keep_its_private_state_unset",
                        () -> new Object[] {Specimens.unsetBox(String.class, "never put")}, firstRoot(),
                        roots -> sameClass("the box", roots[0], boxOf(String.class))),
                new SpecializationScenario("specialization_set_to_null_should_keep_its_private_set_flag",
                        () -> new Object[] {Specimens.box(String.class, null, "put null")}, firstRoot(),
                        roots -> sameClass("the box", roots[0], boxOf(String.class))));
    }

    private static Object[] arrayOfBoxes() {
        Object[] boxes = (Object[]) Array.newInstance(boxOf(Integer.class), 3);
        boxes[0] = Specimens.box(Integer.class, 1, "first and last");
        boxes[1] = Specimens.box(Integer.class, 2, "middle");
        boxes[2] = boxes[0];
        return new Object[] {boxes};
    }

    /** A shelf whose item is a {@code Box<Shelf>} holding the shelf. */
    private static Object[] cycle() {
        Shelf shelf = new Shelf();
        shelf.item(Specimens.box(Shelf.class, shelf, "cycle"));
        return new Object[] {shelf};
    }

    private static String describeCycle(Object[] roots) {
        Box<?> box = (Box<?>) shelf(roots).item();
        return box.typeName() + " set=" + box.isSet() + " holdsTheShelf=" + (box.get() == roots[0]) + " note="
                + Specimens.noteOf(box);
    }

    private static Shelf shelf(Object[] roots) {
        return (Shelf) roots[0];
    }
}
