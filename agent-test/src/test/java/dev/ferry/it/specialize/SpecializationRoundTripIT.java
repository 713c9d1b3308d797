package dev.ferry.it.specialize;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ferry.it.support.ReportedCounters;
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
 * Objects of generated specializations ({@code Box<T>}, {@code Pair<A, B>}, {@code Crate<T>} subclasses a library
 * makes with Byte Buddy per type arguments, under random names) are written with a plain {@code ObjectOutputStream}
 * and read with a plain {@code ObjectInputStream} in another JVM, Ferry on both: the reader's objects are instances of
 * the classes its own generators return for the recipes, with their private state and without re-running
 * constructors or setters. Every argument shape ({@link ArgumentScenarios}), every object graph ({@link
 * GraphScenarios}), concurrent first reads through a racy generator cache, and a class made before reading are each a
 * test of their own, judged from the reader's {@code PASS}/{@code FAIL} lines.
 *
 * <p>JVM launches (6): one {@link SpecializationWriter} per JDK and one {@link SpecializationReader} per (writer JDK,
 * reader JDK) in {17, 25} x {17, 25}, all with the same {@code keyFile} (one argument travels by value).
 */
class SpecializationRoundTripIT {

    @TempDir
    static Path files;

    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("shared.key"), KeyFiles.MINIMUM_BYTES));
    private static final Map<Jdk, Once<Written>> WRITERS = new EnumMap<>(Jdk.class);
    private static final Map<List<Jdk>, Once<JvmRun>> READERS = new HashMap<>();

    private record Written(Path directory, JvmRun run) {
    }

    @TestFactory
    Stream<DynamicNode> specializations_should_roundtrip_between_jvms_as_the_readers_own_classes() {
        Stream<DynamicNode> writers = Stream.of(Jdk.values()).map(writer -> dynamicContainer("written on " + writer,
                Stream.of(
                        dynamicTest("writer_should_write_every_scenario", () -> assertWriterWroteAll(written(writer))),
                        dynamicTest("ferry_should_stay_silent_in_the_writer",
                                () -> ProgramOutput.assertFerrySilent(written(writer).run())),
                        dynamicTest("writer_should_count_the_specializations_it_wrote",
                                () -> ReportedCounters.assertCounted(written(writer).run(),
                                        "specializations.written")))));
        Stream<DynamicNode> readers = Stream.of(Jdk.values()).flatMap(writer -> Stream.of(Jdk.values())
                .map(reader -> dynamicContainer("written on " + writer + ", read on " + reader, Stream.concat(
                        Stream.of(
                                dynamicTest("reader_should_end_normally_and_ferry_should_stay_silent", () -> {
                                    ProgramOutput.assertFerrySilent(read(writer, reader));
                                    ReportedCounters.assertNoTransformFailure(read(writer, reader));
                                    read(writer, reader).assertSucceeded();
                                }),
                                dynamicTest("reader_should_count_the_specializations_it_read_and_materialized", () -> {
                                    ReportedCounters.assertCounted(read(writer, reader), "specializations.read");
                                    ReportedCounters.assertCounted(read(writer, reader), "specializations.materialized");
                                })),
                        SpecializationReader.checks().stream().map(check -> dynamicTest(check,
                                () -> assertPassed(read(writer, reader), check)))))));
        return Stream.concat(writers, readers);
    }

    private static void assertWriterWroteAll(Written written) {
        JvmRun run = written.run();
        assertEquals(List.of(), run.linesAfter("FAIL "), () -> "the writer failed some scenarios\n" + run.report());
        ReportedCounters.assertNoTransformFailure(run);
        run.assertSucceeded();
    }

    private static Written written(Jdk jdk) {
        return onceFor(jdk).get();
    }

    private static synchronized Once<Written> onceFor(Jdk jdk) {
        return WRITERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            Path directory = directory("written-on-" + key.feature());
            JvmRun run = ForkedJvm.on(key).withFerry("keyFile=" + KEY.get())
                    .main(SpecializationWriter.class, directory.toString()).run();
            return new Written(directory, run);
        }));
    }

    private static JvmRun read(Jdk writer, Jdk reader) {
        return onceFor(writer, reader).get();
    }

    private static synchronized Once<JvmRun> onceFor(Jdk writer, Jdk reader) {
        return READERS.computeIfAbsent(List.of(writer, reader), key -> Once.of(() -> ForkedJvm.on(reader)
                .withFerry("keyFile=" + KEY.get())
                .main(SpecializationReader.class, written(writer).directory().toString()).run()));
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(files.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
