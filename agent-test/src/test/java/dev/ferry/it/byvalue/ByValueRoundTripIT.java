package dev.ferry.it.byvalue;

import static dev.ferry.it.support.ReportedCounters.assertCounted;
import static dev.ferry.it.support.ReportedCounters.assertNoTransformFailure;
import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ferry.it.support.KeyFiles;
import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects of classes generated at run time in the writer JVM (Byte Buddy subclasses loaded four ways, Spring AOP and
 * Javassist proxies, JDK proxies, classes compiled in memory, generated superclasses, {@code Class} objects, shared
 * and cyclic references) are written with a plain {@code ObjectOutputStream} and read back with a plain
 * {@code ObjectInputStream} in a fresh JVM that never ran a generator, with their state and behaviour, Ferry with the
 * same {@code keyFile} on both sides. Each {@link ByValueCatalog} scenario and reader-only check (one class for
 * concurrent first reads, for two streams, a class definition written once per stream, Ferry's loaders, loaders not
 * kept alive) is a test of its own, judged from the reader's {@code PASS}/{@code FAIL} lines.
 *
 * <p>JVM launches (6): one {@link ByValueWriter} per JDK and one {@link ByValueReader} per (writer JDK, reader JDK)
 * in {17, 25} x {17, 25}.
 */
class ByValueRoundTripIT {

    /** A class definition written once per stream: each of 19 more instances costs far less than this. */
    private static final int MAX_BYTES_PER_EXTRA_INSTANCE = 200;

    @TempDir
    static Path files;

    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("shared.key"),
            KeyFiles.MINIMUM_BYTES));
    private static final Map<Jdk, Once<Written>> WRITERS = new EnumMap<>(Jdk.class);
    private static final Map<List<Jdk>, Once<JvmRun>> READERS = new HashMap<>();

    private record Written(Path directory, JvmRun run) {
    }

    @TestFactory
    Stream<DynamicNode> objects_of_generated_classes_should_roundtrip_by_value_between_jvms() {
        Stream<DynamicNode> writers = Stream.of(Jdk.values()).map(writer -> dynamicContainer("written on " + writer,
                Stream.of(
                        dynamicTest("writer_should_write_every_scenario_and_ferry_should_stay_silent",
                                () -> assertWriterClean(written(writer).run())),
                        dynamicTest("class_definition_should_be_written_once_per_stream",
                                () -> assertDefinitionWrittenOnce(written(writer))),
                        dynamicTest("writer_should_count_the_classes_it_shipped",
                                () -> assertCounted(written(writer).run(), "classes.shipped")))));
        Stream<DynamicNode> readers = Stream.of(Jdk.values()).flatMap(writer -> Stream.of(Jdk.values())
                .map(reader -> dynamicContainer("written on " + writer + ", read on " + reader, Stream.concat(
                        Stream.of(
                                dynamicTest("reader_should_end_normally_and_ferry_should_stay_silent",
                                        () -> assertReaderClean(read(writer, reader))),
                                dynamicTest("reader_should_count_materialized_classes_and_registry_hits", () -> {
                                    assertCounted(read(writer, reader), "classes.materialized");
                                    assertCounted(read(writer, reader), "registry.hits");
                                })),
                        ByValueReader.checks().stream().map(check -> dynamicTest(check,
                                () -> assertPassed(read(writer, reader), check)))))));
        return Stream.concat(writers, readers);
    }

    private static void assertWriterClean(JvmRun run) {
        assertEquals(List.of(), run.linesAfter("NOT-WRITTEN "), () -> "the writer failed some scenarios\n"
                + run.report());
        run.assertSucceeded();
        ReportedChecks.assertStderrEmptyButForByteBuddysUnsafeWarning(run);
        assertNoTransformFailure(run);
    }

    private static void assertReaderClean(JvmRun run) {
        assertEquals("", run.stderr(), () -> "the reader printed on stderr\n" + run.report());
        assertNoTransformFailure(run);
        run.assertSucceeded();
    }

    /**
     * The 1-instance stream holds the class definition (it is larger than the class file); 19 more instances add far
     * less than 19 definitions.
     */
    private static void assertDefinitionWrittenOnce(Written written) throws IOException {
        List<String> sizes = written.run().linesAfter(DefinitionOncePerStream.CLASS_FILE_SIZE);
        assertEquals(1, sizes.size(), () -> "the writer should print the class file's size\n" + written.run().report());
        long classFile = Long.parseLong(sizes.get(0).trim());
        long one = Files.size(written.directory().resolve(DefinitionOncePerStream.ONE));
        long twenty = Files.size(written.directory().resolve(DefinitionOncePerStream.TWENTY));
        String measured = "class file " + classFile + " B, stream of 1 instance " + one + " B, of 20 instances "
                + twenty + " B";
        assertTrue(classFile > MAX_BYTES_PER_EXTRA_INSTANCE, () -> "the bound below means nothing: " + measured);
        assertTrue(one > classFile, () -> "the 1-instance stream cannot hold the class definition: " + measured);
        assertTrue(twenty - one < 19L * MAX_BYTES_PER_EXTRA_INSTANCE,
                () -> "19 more instances should cost less than 19 x " + MAX_BYTES_PER_EXTRA_INSTANCE + " B: "
                        + measured);
    }

    private static Written written(Jdk jdk) {
        return onceFor(jdk).get();
    }

    private static synchronized Once<Written> onceFor(Jdk jdk) {
        return WRITERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            Path directory = directory("written-on-" + key.feature());
            JvmRun run = ForkedJvm.on(key).withFerry("keyFile=" + KEY.get()).checkingStderrItself()
                    .main(ByValueWriter.class, directory.toString()).run();
            return new Written(directory, run);
        }));
    }

    private static JvmRun read(Jdk writer, Jdk reader) {
        return onceFor(writer, reader).get();
    }

    private static synchronized Once<JvmRun> onceFor(Jdk writer, Jdk reader) {
        return READERS.computeIfAbsent(List.of(writer, reader), key -> Once.of(() -> {
            Written written = written(writer);
            return ForkedJvm.on(reader).withFerry("keyFile=" + KEY.get()).checkingStderrItself()
                    .main(ByValueReader.class, written.directory().toString()).run();
        }));
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(files.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
