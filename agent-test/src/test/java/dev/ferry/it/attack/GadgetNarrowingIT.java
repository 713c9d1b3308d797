package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import dev.ferry.it.attack.gadget.Scheduler;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry makes every prepared lambda readable, so an application lambda whose body acts on what it captured becomes a
 * gadget: a {@code PriorityQueue} whose comparator is {@link Scheduler#byName} with an attacker-chosen value runs the
 * body while the queue is read. The control reader shows the gadget is real (the canary runs during
 * {@code readObject}); a reader narrowed by {@code readLambdas} or {@code exclude}, or a stream whose
 * {@code ObjectInputFilter} rejects the capturing class, refuses the queue before the body runs, and the same reader
 * still reads a lambda it allows.
 *
 * <p>JVM launches (8, and the writer the attack ITs share): per JDK a control reader and one reader per narrowing.
 */
class GadgetNarrowingIT {

    private static final String GADGET = "gadget";
    private static final String ALLOWED = "allowed-lambda-after";

    private static final Map<String, Once<AttackRun>> READERS = new ConcurrentHashMap<>();

    /** How the reader is narrowed. */
    enum Narrowing {
        READ_LAMBDAS_OF_ANOTHER_CLASS("readLambdas=" + Lambdas.class.getName(), null, "readLambdas",
                Scheduler.class.getName()),
        EXCLUDED_CAPTURING_PACKAGE("exclude=" + Scheduler.class.getPackageName(), null, Scheduler.class.getName(),
                "no lambda call sites prepared by Ferry"),
        FILTER_REJECTING_THE_CAPTURING_CLASS("", "!" + Scheduler.class.getName(), Scheduler.class.getName(),
                "the stream rejected its capturing class", "filter status: REJECTED");

        final String options;
        final String filter;
        final String[] named;

        Narrowing(String options, String filter, String... named) {
            this.options = options;
            this.filter = filter;
            this.named = named;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    static Stream<Arguments> narrowings() {
        return Stream.of(Jdk.values()).flatMap(jdk -> Stream.of(Narrowing.values()).map(narrowing -> Arguments.of(
                jdk, narrowing)));
    }

    @ParameterizedTest(name = "{0} reader")
    @EnumSource(Jdk.class)
    void control_reader_should_run_the_attacker_chosen_comparator_while_reading(Jdk jdk) {
        AttackRun reader = control(jdk);
        reader.assertAccepted(GADGET, AttackStream.GADGET.expected());
        assertTrue(reader.caseLines(GADGET).contains(Canary.LINE + " comparator attacker-chosen"),
                () -> "without narrowing, the gadget's body should run: or the refusals below prove nothing\n"
                        + reader.run().report());
    }

    @ParameterizedTest(name = "{0} reader: {1}")
    @MethodSource("narrowings")
    void narrowed_reader_should_refuse_the_gadget_before_its_body_runs(Jdk jdk, Narrowing narrowing) {
        narrowed(jdk, narrowing).assertRefused(GADGET, narrowing.named);
    }

    @ParameterizedTest(name = "{0} reader: {1}")
    @MethodSource("narrowings")
    void narrowed_reader_should_still_read_a_lambda_it_allows(Jdk jdk, Narrowing narrowing) {
        narrowed(jdk, narrowing).assertAccepted(ALLOWED, AttackStream.LAMBDA.expected());
    }

    private static AttackRun control(Jdk jdk) {
        return READERS.computeIfAbsent(jdk + " control", key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(jdk, written, "")
                    .read(GADGET, Nesting.FIELD, written.file(AttackStream.GADGET, Nesting.FIELD));
            reader.run();
            return reader;
        })).get();
    }

    private static AttackRun narrowed(Jdk jdk, Narrowing narrowing) {
        return READERS.computeIfAbsent(jdk + " " + narrowing, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(jdk, written, narrowing.options);
            Path gadget = written.file(AttackStream.GADGET, Nesting.FIELD);
            if (narrowing.filter != null) {
                reader.readFiltered(GADGET, Nesting.FIELD, gadget, narrowing.filter);
            } else {
                reader.read(GADGET, Nesting.FIELD, gadget);
            }
            reader.read(ALLOWED, Nesting.FIELD, written.file(AttackStream.LAMBDA, Nesting.FIELD));
            reader.run();
            return reader;
        })).get();
    }
}
