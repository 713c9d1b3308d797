package dev.ferry.it.specialize;

import static dev.ferry.it.specialize.SpecializationScenario.firstOf;
import static dev.ferry.it.specialize.SpecializationScenario.firstRoot;
import static dev.ferry.it.specialize.SpecializationScenario.sameClass;

import dev.ferry.api.Types;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A specialization for every shape a type argument may have: class-path and primitive classes, specializations nested
 * to any depth, a generated class travelling by value, arrays, parameterized types (with owners), generic arrays and
 * wildcards. Each writes one instance holding a value of its type; the reader's instance must be of the class its own
 * generator returns for the recipe, and so must the specializations it holds.
 */
final class ArgumentScenarios {

    private static final String ROUNDTRIP = "specialization_should_roundtrip_between_jvms_when_";

    private ArgumentScenarios() {
    }

    /** A type argument, computed on each side: a nested specialization is each JVM's own class. */
    private interface Argument {
        Type get();
    }

    /** What the written box holds (writer only). */
    private interface Value {
        Object get() throws Exception;
    }

    static List<SpecializationScenario> all() {
        List<SpecializationScenario> scenarios = new ArrayList<>(List.of(
                box("a_class_path_class", () -> Integer.class, () -> 42),
                box("a_primitive_class", () -> int.class, () -> 7),
                box("a_specialization", () -> boxOf(Integer.class), () -> Specimens.box(Integer.class, 5, "inner"),
                        roots -> sameClass("the box's value", value(roots), boxOf(Integer.class))),
                box("a_parameterized_type_of_a_specialization", () -> Types.parameterized(List.class,
                        boxOf(Integer.class)), () -> new ArrayList<>(List.of(Specimens.box(Integer.class, 1, "first"),
                                Specimens.box(Integer.class, 2, "second"))),
                        roots -> sameClass("the list's element", ((List<?>) value(roots)).get(1),
                                boxOf(Integer.class))),
                box("a_specialization_nested_four_deep", () -> boxOf(boxOf(boxOf(String.class))),
                        ArgumentScenarios::fourDeep, ArgumentScenarios::deepestIsTheReadersOwn),
                byValueArgument(),
                box("a_class_path_array_class", () -> Integer[].class, () -> new Integer[] {1, 2, 3}),
                box("an_array_class_of_a_specialization", () -> boxOf(Integer.class).arrayType(),
                        ArgumentScenarios::arrayOfBoxes,
                        roots -> sameClass("the box's array", value(roots), boxOf(Integer.class).arrayType())),
                box("a_parameterized_type", ReflectedTypes::map, () -> new TreeMap<>(Map.of("a", 1, "b", 2))),
                box("a_parameterized_type_whose_owner_is_a_class", ReflectedTypes::entry,
                        () -> new AbstractMap.SimpleEntry<>("key", 1)),
                box("a_parameterized_type_whose_owner_is_parameterized",
                        () -> Types.parameterizedWithOwner(Types.parameterized(Outer.class, String.class),
                                Outer.Inner.class, Integer.class), () -> "inner value"),
                box("a_generic_array", ReflectedTypes::listArray, () -> new List<?>[] {List.of("x", "y")}),
                box("a_generic_array_of_a_parameterized_type_of_a_specialization",
                        () -> Types.arrayOf(Types.parameterized(List.class, boxOf(Integer.class))),
                        () -> new List<?>[] {List.of(Specimens.box(Integer.class, 9, "in a generic array"))},
                        roots -> sameClass("the element", ((List<?>) ((Object[]) value(roots))[0]).get(0),
                                boxOf(Integer.class))),
                box("an_upper_bounded_wildcard", ReflectedTypes::numbers, () -> List.of(1, 2.5)),
                box("a_lower_bounded_wildcard", ReflectedTypes::integerComparable, () -> 3),
                box("an_unbounded_wildcard", ReflectedTypes::anything, () -> List.of()),
                box("a_wildcard_bounded_by_a_specialization",
                        () -> Types.parameterized(List.class, Types.subtypeOf(boxOf(Integer.class))),
                        () -> List.of(Specimens.box(Integer.class, 8, "bounded")),
                        roots -> sameClass("the list's element", ((List<?>) value(roots)).get(0),
                                boxOf(Integer.class)))));
        scenarios.addAll(pairsAndCrates());
        return scenarios;
    }

    private static List<SpecializationScenario> pairsAndCrates() {
        return List.of(
                new SpecializationScenario(ROUNDTRIP + "it_has_two_class_path_class_arguments",
                        () -> new Object[] {Specimens.pair(String.class, Long.class, "left", 9L, "two")}, firstRoot(),
                        roots -> sameClass("the pair", roots[0], pairOf(String.class, Long.class))),
                new SpecializationScenario(ROUNDTRIP + "its_arguments_are_wildcards",
                        () -> new Object[] {Specimens.pair(Types.subtypeOf(Number.class),
                                Types.supertypeOf(Integer.class), 1.5, 2, "wild")}, firstRoot(),
                        roots -> sameClass("the pair", roots[0], pairOf(Types.subtypeOf(Number.class),
                                Types.supertypeOf(Integer.class)))),
                new SpecializationScenario(ROUNDTRIP + "an_explicitly_registered_generator_made_it_from_another_"
                        + "generators_specialization",
                        () -> new Object[] {Specimens.crate(boxOf(Integer.class),
                                Specimens.box(Integer.class, 11, "in a crate"), "crate")}, firstRoot(),
                        roots -> firstOf(sameClass("the crate", roots[0], TemplateSpecializer.CRATES.specialize(
                                Crate.class, boxOf(Integer.class))),
                                sameClass("the crate's value", value(roots), boxOf(Integer.class)))));
    }

    /** {@code Box<generated>}: the generated class is no specialization and travels by value. */
    private static SpecializationScenario byValueArgument() {
        return new SpecializationScenario(ROUNDTRIP + "its_argument_is_a_generated_class_travelling_by_value",
                () -> {
                    Ingredient salt = Specimens.ingredient("salt", "made at run time");
                    return new Object[] {Specimens.box(salt.getClass(), salt, "by value")};
                },
                firstRoot(),
                roots -> {
                    Class<?> ingredient = value(roots).getClass();
                    String resource = ingredient.getName().replace('.', '/') + ".class";
                    if (ClassLoader.getSystemClassLoader().getResource(resource) != null) {
                        return ingredient.getName() + " is on the class path: the scenario proves nothing";
                    }
                    return sameClass("the box", roots[0], boxOf(ingredient));
                });
    }

    private static SpecializationScenario box(String argumentIs, Argument argument, Value value) {
        return box(argumentIs, argument, value, roots -> null);
    }

    private static SpecializationScenario box(String argumentIs, Argument argument, Value value,
            SpecializationScenario.Identity held) {
        return new SpecializationScenario(ROUNDTRIP + "its_argument_is_" + argumentIs,
                () -> new Object[] {Specimens.box(argument.get(), value.get(), argumentIs)}, firstRoot(),
                roots -> firstOf(sameClass("the box", roots[0], boxOf(argument.get())), held.problem(roots)));
    }

    /** {@code Box<Box<Box<Box<String>>>>}. */
    private static Object fourDeep() {
        Box<Object> deepest = Specimens.box(String.class, "deepest", "level 4");
        Box<Object> third = Specimens.box(boxOf(String.class), deepest, "level 3");
        return Specimens.box(boxOf(boxOf(String.class)), third, "level 2");
    }

    private static String deepestIsTheReadersOwn(Object[] roots) {
        Object deepest = ((Box<?>) ((Box<?>) value(roots)).get()).get();
        return sameClass("the deepest box", deepest, boxOf(String.class));
    }

    private static Object arrayOfBoxes() {
        Object[] boxes = (Object[]) Array.newInstance(boxOf(Integer.class), 2);
        boxes[0] = Specimens.box(Integer.class, 3, "first in the array");
        boxes[1] = Specimens.box(Integer.class, 4, "second in the array");
        return boxes;
    }

    static Class<?> boxOf(Type argument) {
        return TemplateSpecializer.BOXES.specialize(Box.class, argument);
    }

    private static Class<?> pairOf(Type first, Type second) {
        return TemplateSpecializer.BOXES.specialize(Pair.class, first, second);
    }

    private static Object value(Object[] roots) {
        return ((Box<?>) roots[0]).get();
    }
}
