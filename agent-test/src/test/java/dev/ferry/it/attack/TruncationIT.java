package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.Jdk;
import dev.ferry.it.Once;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stream cut short at any offset fails with an {@code IOException} ({@code EOFException},
 * {@code StreamCorruptedException}, {@code InvalidClassException}, ...) and nothing else: every proper prefix of a
 * legitimate stream of each kind (lambda, cyclic lambda, class by value, specialization, each in a holder object) is
 * read by one reader JVM, in a loop, and then the whole stream reads as written in that same JVM.
 *
 * <p>JVM launches (2, and the writer the attack ITs share): one reader with the key per JDK.
 */
class TruncationIT {

    private static final List<AttackStream> KINDS = List.of(AttackStream.LAMBDA, AttackStream.CYCLIC_LAMBDA,
            AttackStream.BY_VALUE, AttackStream.SPECIALIZATION);

    private static final Map<Jdk, Once<AttackRun>> READERS = new EnumMap<>(Jdk.class);

    static Stream<Arguments> kinds() {
        return Stream.of(Jdk.values()).flatMap(jdk -> KINDS.stream().map(kind -> Arguments.of(jdk, kind)));
    }

    @ParameterizedTest(name = "{0} reader: {1} in a holder")
    @MethodSource("kinds")
    void every_prefix_should_fail_with_an_io_exception(Jdk jdk, AttackStream kind) {
        AttackRun reader = reader(jdk);
        List<String> unexpected = reader.run().linesAfter("UNEXPECTED " + kind + " ");
        assertEquals(List.of(), unexpected, () -> "prefixes of " + kind + " failed with something else than an"
                + " IOException (offset, then what):\n" + reader.run().report());
        List<String> prefixes = reader.run().linesAfter("PREFIXES " + kind + " ");
        assertEquals(1, prefixes.size(), reader.run()::report);
        int length = Integer.parseInt(prefixes.get(0).split(" ")[0]);
        assertTrue(length > 100, () -> "the stream should be a real one: " + prefixes.get(0));
        assertTrue(prefixes.get(0).contains("java.io."), () -> "IOExceptions expected: " + prefixes.get(0));
    }

    @ParameterizedTest(name = "{0} reader: {1} in a holder")
    @MethodSource("kinds")
    void whole_stream_should_read_after_all_its_prefixes(Jdk jdk, AttackStream kind) {
        reader(jdk).assertAccepted(kind.name(), kind.expected());
    }

    private static synchronized AttackRun reader(Jdk jdk) {
        return READERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            AttackRun.Written written = AttackRun.written();
            AttackRun reader = AttackRun.reader(key, written, "");
            for (AttackStream kind : KINDS) {
                reader.truncate(kind.name(), Nesting.FIELD, written.file(kind, Nesting.FIELD));
            }
            reader.run();
            return reader;
        })).get();
    }
}
