package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import dev.ferry.it.support.StreamSurgery;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A descriptor Ferry refuses, nested where the JDK reads it through another path than the top of the stream (an
 * ordinary object's field, an array element, an {@code ArrayList} element, a {@code HashMap} value), reaches the
 * caller of {@code readObject} as the {@code InvalidClassException} or {@code InvalidObjectException} Ferry threw,
 * naming what was refused and why: never as {@code IllegalStateException: unread block data} or another runtime
 * exception the JDK makes of a refusal that left its annotation half read. After every refusal, the same reader reads
 * every legitimate stream kind, in every nesting, as written: a refused stream never changes what a later valid
 * stream gets.
 *
 * <p>JVM launches (2, and the writer the attack ITs share): one reader with the key and
 * {@code maxClassesPerStream=3} per JDK.
 */
class RefusalAtDepthIT {

    private static final Map<Jdk, Once<AttackRun>> READERS = new EnumMap<>(Jdk.class);

    /** What a reader refuses, and the stream (patched or not, with a filter or not) that makes it refuse. */
    enum Refusal {
        MALFORMED_SPECIALIZATION_RECIPE(AttackStream.SPECIALIZATION, "malformed specialization recipe", "version 9"),
        LAMBDA_WITH_A_FLIPPED_HASH(AttackStream.LAMBDA, Lambdas.class.getName(), "no lambda call site"),
        CLASS_BY_VALUE_WITH_A_BAD_TAG(AttackStream.BY_VALUE, Shipped.SHIPPED, "HMAC"),
        STREAM_OVER_ITS_CLASS_BUDGET(AttackStream.MANY_SPECIALIZATIONS, "4 new classes", "maxClassesPerStream=3"),
        FILTER_REJECTING_A_CLASS_THE_RECIPE_NAMES(AttackStream.SPECIALIZATION_OF_RUNNABLE, "filter",
                "java.lang.Runnable");

        final AttackStream stream;
        final List<String> named;

        Refusal(AttackStream stream, String... named) {
            this.stream = stream;
            this.named = List.of(named);
        }

        String caseName(Nesting nesting) {
            return name() + "-in-" + nesting.label();
        }

        Path file(AttackRun.Written written, Nesting nesting) {
            switch (this) {
                case MALFORMED_SPECIALIZATION_RECIPE:
                    return written.patched(caseName(nesting), stream, nesting,
                            bytes -> RecipeSurgery.specializationVersion(bytes, 9));
                case LAMBDA_WITH_A_FLIPPED_HASH:
                    return written.patched(caseName(nesting), stream, nesting, StreamSurgery::flipLambdaHash);
                case CLASS_BY_VALUE_WITH_A_BAD_TAG:
                    return written.patched(caseName(nesting), stream, nesting, RecipeSurgery::flipTag);
                default:
                    return written.file(stream, nesting);
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** The legitimate kinds read after the refusals. */
    private static final List<AttackStream> LEGITIMATE = List.of(AttackStream.LAMBDA, AttackStream.CYCLIC_LAMBDA,
            AttackStream.BY_VALUE, AttackStream.SPECIALIZATION);

    static Stream<Arguments> refusals() {
        return Stream.of(Jdk.values()).flatMap(jdk -> Stream.of(Refusal.values()).flatMap(refusal -> Stream.of(
                Nesting.values()).map(nesting -> Arguments.of(jdk, refusal, nesting))));
    }

    static Stream<Arguments> legitimate() {
        return Stream.of(Jdk.values()).flatMap(jdk -> LEGITIMATE.stream().flatMap(stream -> Stream.of(
                Nesting.values()).map(nesting -> Arguments.of(jdk, stream, nesting))));
    }

    @ParameterizedTest(name = "{0} reader: {1} in {2}")
    @MethodSource("refusals")
    void refusal_nested_in_an_ordinary_object_should_reach_the_caller_as_the_refusal(Jdk jdk, Refusal refusal,
            Nesting nesting) {
        AttackRun reader = reader(jdk);
        String result = reader.assertRefused(refusal.caseName(nesting), refusal.named.toArray(new String[0]));
        assertFalse(result.contains("unread block data"), () -> "the refusal was lost in the JDK's block data: "
                + result);
    }

    @ParameterizedTest(name = "{0} reader: {1} in {2}, after every refusal")
    @MethodSource("legitimate")
    void legitimate_stream_read_after_the_refusals_should_read_as_written(Jdk jdk, AttackStream stream,
            Nesting nesting) {
        reader(jdk).assertAccepted(legitimateCase(stream, nesting), stream.expected());
    }

    private static String legitimateCase(AttackStream stream, Nesting nesting) {
        return "legitimate-" + stream.name() + "-in-" + nesting.label();
    }

    private static synchronized AttackRun reader(Jdk jdk) {
        return READERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "maxClassesPerStream=3");
            for (Refusal refusal : Refusal.values()) {
                for (Nesting nesting : Nesting.values()) {
                    if (refusal == Refusal.FILTER_REJECTING_A_CLASS_THE_RECIPE_NAMES) {
                        reader.readFiltered(refusal.caseName(nesting), nesting, refusal.file(written, nesting),
                                "!java.lang.Runnable");
                    } else {
                        reader.read(refusal.caseName(nesting), nesting, refusal.file(written, nesting));
                    }
                }
            }
            for (AttackStream stream : LEGITIMATE) {
                for (Nesting nesting : Nesting.values()) {
                    reader.read(legitimateCase(stream, nesting), nesting, written.file(stream, nesting));
                }
            }
            reader.run();
            return reader;
        })).get();
    }
}
