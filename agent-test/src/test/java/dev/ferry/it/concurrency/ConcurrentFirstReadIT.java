package dev.ferry.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers that materialize the same call site at the same moment all get a working lambda: no
 * {@code LinkageError: duplicate class definition}, no half-initialized cache entry (docs/how-it-works.md, Fact 17: concurrent
 * definitions of one class name fail for all but one). Two JVM launches: a writer and a reader, both with Ferry.
 */
class ConcurrentFirstReadIT {

    @Test
    void lambdas_read_concurrently_for_the_first_time_should_all_work(@TempDir Path files) {
        Path file = files.resolve("sites.bin");
        Jdk jdk = Jdk.ofThisBuild();
        ForkedJvm.on(jdk).withFerry().main(ConcurrentReadProgram.class, "write", file.toString()).run()
                .assertSucceeded();
        JvmRun reader = ForkedJvm.on(jdk).withFerry().main(ConcurrentReadProgram.class, "read", file.toString()).run();

        List<String> expected = IntStream.range(0, ManyCallSites.lambdas(1).size()).mapToObj(i -> "PASS site-" + i)
                .collect(Collectors.toList());
        List<String> verdicts = reader.stdoutLines().stream()
                .filter(line -> line.startsWith("PASS ") || line.startsWith("FAIL ")).collect(Collectors.toList());
        assertEquals(expected, verdicts, reader::report);
        reader.assertSucceeded();
    }
}
