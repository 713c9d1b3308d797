package dev.ferry.it.attack;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The class budgets bound what streams make a reader generate: a stream asking for more new classes than
 * {@code maxClassesPerStream} is refused with an {@code InvalidClassException} naming the limit, and so is one that
 * would bring the classes Ferry made in this JVM over {@code maxClasses}; afterwards the same reader still reads a
 * small legitimate stream.
 *
 * <p>JVM launches (4, and the writer the attack ITs share): per JDK one reader with {@code maxClassesPerStream=3} and
 * one with {@code maxClasses=3}.
 */
class ClassBudgetIT {

    private static final String OVER_PER_STREAM = "four-new-specializations";
    private static final String SMALL_AFTER_PER_STREAM = "one-new-specialization-after";
    private static final String FIRST_TWO = "two-new-specializations";
    private static final String OVER_PER_JVM = "two-more-new-specializations";
    private static final String KNOWN_AFTER_PER_JVM = "the-first-two-again";

    private static final Map<Jdk, Once<AttackRun>> PER_STREAM = new EnumMap<>(Jdk.class);
    private static final Map<Jdk, Once<AttackRun>> PER_JVM = new EnumMap<>(Jdk.class);

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void stream_asking_for_more_new_classes_than_maxClassesPerStream_should_be_refused_naming_the_limit(Jdk jdk) {
        perStream(jdk).assertRefused(OVER_PER_STREAM, "4 new classes", "maxClassesPerStream=3");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void small_stream_after_a_stream_over_maxClassesPerStream_should_read(Jdk jdk) {
        perStream(jdk).assertAccepted(SMALL_AFTER_PER_STREAM, AttackStream.SPECIALIZATION.expected());
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void stream_that_would_bring_the_jvms_classes_over_maxClasses_should_be_refused_naming_the_limit(Jdk jdk) {
        AttackRun reader = perJvm(jdk);
        reader.assertAccepted(FIRST_TWO, AttackStream.TWO_SPECIALIZATIONS.expected());
        reader.assertRefused(OVER_PER_JVM, "to 4", "maxClasses=3");
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void stream_of_known_classes_after_a_stream_over_maxClasses_should_read(Jdk jdk) {
        perJvm(jdk).assertAccepted(KNOWN_AFTER_PER_JVM, AttackStream.TWO_SPECIALIZATIONS.expected());
    }

    private static synchronized AttackRun perStream(Jdk jdk) {
        return PER_STREAM.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "maxClassesPerStream=3")
                    .read(OVER_PER_STREAM, Nesting.LIST, written.file(AttackStream.MANY_SPECIALIZATIONS, Nesting.LIST))
                    .read(SMALL_AFTER_PER_STREAM, Nesting.FIELD,
                            written.file(AttackStream.SPECIALIZATION, Nesting.FIELD));
            reader.run();
            return reader;
        })).get();
    }

    private static synchronized AttackRun perJvm(Jdk jdk) {
        return PER_JVM.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "maxClasses=3")
                    .read(FIRST_TWO, Nesting.FIELD, written.file(AttackStream.TWO_SPECIALIZATIONS, Nesting.FIELD))
                    .read(OVER_PER_JVM, Nesting.MAP, written.file(AttackStream.TWO_OTHER_SPECIALIZATIONS, Nesting.MAP))
                    .read(KNOWN_AFTER_PER_JVM, Nesting.ARRAY,
                            written.file(AttackStream.TWO_SPECIALIZATIONS, Nesting.ARRAY));
            reader.run();
            return reader;
        })).get();
    }
}
