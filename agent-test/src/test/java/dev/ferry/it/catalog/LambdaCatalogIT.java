package dev.ferry.it.catalog;

import static dev.ferry.it.support.ReportedCounters.assertNoTransformFailure;
import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
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
 * Every scenario of the {@link ScenarioCatalog}, written by one JVM with Ferry and read by another with Ferry, for
 * each (writer JDK, reader JDK) in {17, 25} x {17, 25}.
 *
 * <p>JVM launches: one writer per JDK and one reader per pair (6 in all); each scenario is a test of its own, judged
 * from the reader's {@code PASS}/{@code FAIL} lines, so a scenario the reader never reports fails as well.
 */
class LambdaCatalogIT {

    @TempDir
    static Path files;

    private static final Map<Jdk, Once<Written>> WRITERS = new EnumMap<>(Jdk.class);
    private static final Map<List<Jdk>, Once<JvmRun>> READERS = new HashMap<>();

    private record Written(Path file, JvmRun run) {
    }

    @TestFactory
    Stream<DynamicNode> every_scenario_should_roundtrip_between_jvms_with_ferry() {
        List<String> scenarios = ScenarioCatalog.names();
        return Stream.of(Jdk.values()).flatMap(writer -> Stream.of(Jdk.values()).map(reader -> {
            Stream<DynamicNode> checks = Stream.concat(
                    Stream.of(
                            dynamicTest("writer_should_write_every_scenario_silently_without_transform_failures",
                                    () -> assertWriterClean(written(writer).run())),
                            dynamicTest("reader_should_read_silently_without_transform_failures",
                                    () -> assertReaderClean(read(writer, reader)))),
                    scenarios.stream().map(name -> dynamicTest(name,
                            () -> assertPassed(read(writer, reader), name))));
            return dynamicContainer("written on " + writer + ", read on " + reader, checks);
        }));
    }

    private static void assertWriterClean(JvmRun run) {
        run.assertSucceeded();
        assertEquals("", run.stderr(), () -> "the writer printed on stderr\n" + run.report());
        assertEquals(List.of(), run.linesAfter("NOT-WRITTEN "), () -> "the writer failed some scenarios\n"
                + run.report());
        assertNoTransformFailure(run);
    }

    private static void assertReaderClean(JvmRun run) {
        assertEquals("", run.stderr(), () -> "the reader printed on stderr\n" + run.report());
        assertNoTransformFailure(run);
        run.assertSucceeded();
    }

    private static Written written(Jdk jdk) {
        return onceFor(jdk).get();
    }

    private static synchronized Once<Written> onceFor(Jdk jdk) {
        return WRITERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            Path file = files.resolve("catalog-written-on-" + key.feature() + ".bin");
            JvmRun run = ForkedJvm.on(key).withFerry().checkingStderrItself()
                    .main(CatalogWriter.class, file.toString()).run();
            return new Written(file, run);
        }));
    }

    private static JvmRun read(Jdk writer, Jdk reader) {
        return onceFor(writer, reader).get();
    }

    private static synchronized Once<JvmRun> onceFor(Jdk writer, Jdk reader) {
        return READERS.computeIfAbsent(List.of(writer, reader), key -> Once.of(() -> {
            Written written = written(writer);
            assertTrue(Files.isRegularFile(written.file()),
                    () -> "the writer left no catalog file\n" + written.run().report());
            return ForkedJvm.on(reader).withFerry().checkingStderrItself()
                    .main(CatalogReader.class, written.file().toString()).run();
        }));
    }
}
