package dev.ferry.it.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up recipe of docs/performance.md, between real JVMs: an application whose classes come from a class-data
 * archive keeps its lambdas travelling, from a writer JVM to a reader JVM that both use the archive. JDK 17: a dynamic CDS archive recorded without Ferry, used with it. JDK 25: an
 * AOT cache recorded with Ferry (the JVM links archived classes' lambda call sites ahead of time, so Ferry keeps the
 * classes whose lambdas it prepares, the JDK combinators and the JDK classes it hooks out of the cache) and used with
 * it; {@code -XX:AOTMode=on} and {@code -Xshare:on} make the JVM fail rather than run without the archive.
 */
class ClassDataArchiveIT {

    private static final List<String> EXPECTED = List.of("PASS application_lambda", "PASS method_reference",
            "PASS jdk_combinator_andThen", "PASS jdk_combinator_not");

    @TempDir
    static Path files;

    @Test
    void jdk17_dynamic_archive_recorded_without_ferry_should_leave_lambdas_travelling_with_it() {
        Path archive = files.resolve("app.jsa");
        record(ForkedJvm.on(Jdk.JDK17).withoutFerry().jvmOption("-XX:ArchiveClassesAtExit=" + archive), archive);

        assertTravel(Jdk.JDK17, "-XX:SharedArchiveFile=" + archive, "-Xshare:on");
    }

    @Test
    void jdk25_aot_cache_recorded_with_ferry_should_leave_lambdas_travelling_with_it() {
        Path cache = files.resolve("app.aot");
        JvmRun training = record(ForkedJvm.on(Jdk.JDK25).withFerry().jvmOption("-XX:AOTCacheOutput=" + cache), cache);
        assertTrue(training.stdoutLines().containsAll(EXPECTED), training::report);

        assertTravel(Jdk.JDK25, "-XX:AOTCache=" + cache, "-XX:AOTMode=on");
    }

    /** The training run: the program writes and reads in one JVM (its output is the JVM's log too). */
    private static JvmRun record(ForkedJvm training, Path archive) {
        JvmRun run = training.classPath(appJar().toString()).main(ArchivedLambdas.class).checkingStderrItself().run();
        assertEquals(0, run.exitCode(), run::report);
        assertTrue(Files.exists(archive), run::report);
        return run;
    }

    /** A writer JVM and a reader JVM, both with Ferry and the archive, which they must use. */
    private static void assertTravel(Jdk jdk, String... archiveOptions) {
        Path stream = files.resolve("lambdas-" + jdk.feature() + ".bin");
        JvmRun writer = withArchive(jdk, archiveOptions).main(ArchivedLambdas.class, "write", stream.toString()).run();
        JvmRun reader = withArchive(jdk, archiveOptions).main(ArchivedLambdas.class, "read", stream.toString()).run();

        assertEquals(List.of("WRITTEN"), writer.stdoutLines(), writer::report);
        assertEquals(EXPECTED, reader.stdoutLines(), reader::report);
    }

    private static ForkedJvm withArchive(Jdk jdk, String... archiveOptions) {
        ForkedJvm jvm = ForkedJvm.on(jdk).withFerry().classPath(appJar().toString());
        for (String option : archiveOptions) {
            jvm.jvmOption(option);
        }
        return jvm;
    }

    /** The program's classes in a jar of their own. */
    private static Path appJar() {
        Path jar = files.resolve("app.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path classes = ItSettings.testClasses();
        String prefix = ArchivedLambdas.class.getName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes.resolve(prefix).getParent())) {
            for (Path each : (Iterable<Path>) all::iterator) {
                String name = classes.relativize(each).toString().replace('\\', '/');
                if (name.startsWith(prefix) && name.endsWith(".class")) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(each));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
