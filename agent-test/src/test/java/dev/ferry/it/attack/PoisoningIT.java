package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A refused stream never changes what a later valid stream gets. An attacker who replays a legitimate signed
 * class-by-value recipe with its links altered (the root links itself instead of the class it names) or stripped
 * (it links nothing) is refused for the HMAC, and a stream whose {@code ObjectInputFilter} rejects the class of the
 * recipe's static state is refused too; then the same reader, without a filter, reads the legitimate recipe in every
 * nesting and gets the class with its links and its static state as written (a registry that kept the class defined
 * for the refused read, without its static state or its linked class, would fail here).
 *
 * <p>JVM launches (2, and the writer the attack ITs share): one reader with the key per JDK.
 */
class PoisoningIT {

    private static final String LINKS_ALTERED = "links-altered";
    private static final String LINKS_STRIPPED = "links-stripped";
    private static final String STATIC_STATE_FILTERED = "static-state-rejected-by-the-filter";

    private static final Map<Jdk, Once<AttackRun>> READERS = new EnumMap<>(Jdk.class);

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void replayed_recipe_whose_link_points_elsewhere_should_be_refused_for_its_hmac(Jdk jdk) {
        reader(jdk).assertRefused(LINKS_ALTERED, Shipped.SHIPPED, "HMAC");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void replayed_recipe_stripped_of_its_links_should_be_refused_for_its_hmac(Jdk jdk) {
        reader(jdk).assertRefused(LINKS_STRIPPED, Shipped.SHIPPED, "HMAC");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void filter_rejecting_the_static_states_class_should_refuse_the_class(Jdk jdk) {
        reader(jdk).assertRefused(STATIC_STATE_FILTERED, Shipped.SHIPPED, "its static state holds a "
                + Tune.class.getName() + ", which the stream's ObjectInputFilter rejects");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void refused_replays_should_define_no_class(Jdk jdk) {
        AttackRun reader = reader(jdk);
        assertEquals(0L, reader.delta(LINKS_ALTERED).get("classes.materialized"), reader.run()::report);
        assertEquals(0L, reader.delta(LINKS_STRIPPED).get("classes.materialized"), reader.run()::report);
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void legitimate_recipe_read_after_the_refusals_should_bring_its_class_with_links_and_static_state(Jdk jdk) {
        AttackRun reader = reader(jdk);
        for (Nesting nesting : Nesting.values()) {
            reader.assertAccepted(legitimate(nesting), Shipped.DESCRIPTION);
        }
    }

    private static String legitimate(Nesting nesting) {
        return "legitimate-in-" + nesting.label();
    }

    private static synchronized AttackRun reader(Jdk jdk) {
        return READERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "");
            reader.read(LINKS_ALTERED, Nesting.FIELD, written.patched(LINKS_ALTERED, AttackStream.BY_VALUE,
                    Nesting.FIELD, RecipeSurgery::alterFirstLink));
            reader.read(LINKS_STRIPPED, Nesting.LIST, written.patched(LINKS_STRIPPED, AttackStream.BY_VALUE,
                    Nesting.LIST, RecipeSurgery::stripLinks));
            reader.readFiltered(STATIC_STATE_FILTERED, Nesting.MAP, written.file(AttackStream.BY_VALUE, Nesting.MAP),
                    "!" + Tune.class.getName());
            for (Nesting nesting : Nesting.values()) {
                reader.read(legitimate(nesting), nesting, written.file(AttackStream.BY_VALUE, nesting));
            }
            reader.run();
            return reader;
        })).get();
    }
}
