package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader checks a whole recipe before it makes anything of it. A specialization recipe {@code Pair<Box<Byte>,
 * Crate<Byte>>} whose nested {@code Box<Byte>} every reader knows, beside a {@code Crate<Byte>} of a generator this
 * reader does not know, is refused without any class generated (the libraries' generations and Ferry's counters stay
 * put); a legitimate class-by-value recipe replayed under another descriptor's name is refused before any class is
 * defined. Controls in the same reader show that the counters move when a class is made.
 *
 * <p>JVM launches (2, and the writer the attack ITs share): one reader with the key per JDK.
 */
class RecipeOrderIT {

    private static final String SIBLINGS = "valid-nested-argument-beside-an-invalid-sibling";
    private static final String RENAMED = "class-recipe-under-another-descriptor-name";
    private static final String SPECIALIZATION_CONTROL = "specialization-control";
    private static final String BY_VALUE_CONTROL = "by-value-control";
    /** As long as {@link Shipped#SHIPPED}, so that the stream stays well-formed. */
    private static final String OTHER_NAME = "dev.ferry.it.attack.generated.Shipper";

    private static final Map<Jdk, Once<AttackRun>> READERS = new EnumMap<>(Jdk.class);

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void recipe_with_an_invalid_sibling_argument_should_be_refused_naming_the_unknown_generator(Jdk jdk) {
        reader(jdk).assertRefused(SIBLINGS, "dev.ferry.it.specialize.Crate", "generator 'it.explicit'",
                "no generator with this id");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void recipe_with_an_invalid_sibling_argument_should_generate_no_class_not_even_its_valid_nested_one(Jdk jdk) {
        AttackRun reader = reader(jdk);
        Map<String, Long> grown = reader.delta(SIBLINGS);
        assertEquals(0L, grown.get("generations"), () -> "a generator ran for a refused recipe: " + grown);
        assertEquals(0L, grown.get("specializations.materialized"), () -> "Ferry made a class for a refused recipe: "
                + grown);
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void class_recipe_replayed_under_another_descriptor_name_should_be_refused_before_definition(Jdk jdk) {
        AttackRun reader = reader(jdk);
        reader.assertRefused(RENAMED, OTHER_NAME, Shipped.SHIPPED, "nothing was defined");
        assertEquals(0L, reader.delta(RENAMED).get("classes.materialized"), reader.run()::report);
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void controls_should_move_the_counters_the_refusals_left_alone(Jdk jdk) {
        AttackRun reader = reader(jdk);
        reader.assertAccepted(SPECIALIZATION_CONTROL, AttackStream.SPECIALIZATION.expected());
        assertEquals(1L, reader.delta(SPECIALIZATION_CONTROL).get("generations"), reader.run()::report);
        assertEquals(1L, reader.delta(SPECIALIZATION_CONTROL).get("specializations.materialized"),
                reader.run()::report);
        reader.assertAccepted(BY_VALUE_CONTROL, AttackStream.BY_VALUE.expected());
        assertEquals(2L, reader.delta(BY_VALUE_CONTROL).get("classes.materialized"),
                () -> "the shipped class and its linked class\n" + reader.run().report());
    }

    private static synchronized AttackRun reader(Jdk jdk) {
        return READERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "")
                    .read(SIBLINGS, Nesting.MAP, written.file(AttackStream.KNOWN_BESIDE_UNKNOWN_SPECIALIZATION,
                            Nesting.MAP))
                    .read(RENAMED, Nesting.ARRAY, written.patched(RENAMED, AttackStream.BY_VALUE, Nesting.ARRAY,
                            stream -> RecipeSurgery.renameFirst(stream, Shipped.SHIPPED, OTHER_NAME)))
                    .read(SPECIALIZATION_CONTROL, Nesting.FIELD, written.file(AttackStream.SPECIALIZATION,
                            Nesting.FIELD))
                    .read(BY_VALUE_CONTROL, Nesting.ARRAY, written.file(AttackStream.BY_VALUE, Nesting.ARRAY));
            reader.run();
            return reader;
        })).get();
    }
}
