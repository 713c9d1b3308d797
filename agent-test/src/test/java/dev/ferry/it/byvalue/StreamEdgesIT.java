package dev.ferry.it.byvalue;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.support.KeyFiles;
import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link StreamEdgesProgram} in a JVM with Ferry and a key, on each JDK: streams with annotations of their own or
 * resolving outside block-data mode, filters against shipped classes and their static state, self-referring static
 * state. JVM launches: 2.
 */
class StreamEdgesIT {

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void stream_edges_should_behave_as_the_program_checks(Jdk jdk, @TempDir Path directory) throws Exception {
        JvmRun run = ForkedJvm.on(jdk).withFerry("keyFile=" + KeyFiles.random(directory.resolve("edges.key"), 32))
                .main(StreamEdgesProgram.class).run();

        for (String check : StreamEdgesProgram.CHECKS) {
            assertPassed(run, check);
        }
        List<String> ranInFerryLoaders = run.stdoutLines().stream()
                .filter(line -> line.startsWith(StreamEdgesProgram.INITIALIZED) && line.contains("ferry:")
                        && (line.contains("Guarded2") || line.contains("Guarded3")))
                .toList();
        assertEquals(List.of(), ranInFerryLoaders, "refused classes must never be initialized\n" + run.report());
        assertTrue(run.stderr().isEmpty(), run::report);
        run.assertSucceeded();
    }
}
