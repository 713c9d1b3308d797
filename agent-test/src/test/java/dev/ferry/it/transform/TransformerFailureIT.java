package dev.ferry.it.transform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A malformed class file (unknown version, malformed bytes) that names {@code LambdaMetafactory}: Ferry reads no
 * application class file as it loads, so the application sees exactly what it sees without Ferry, no agent exception
 * reaches it, the JVM with Ferry stays silent (ForkedJvm fails the test otherwise) and {@code transform.failures} does
 * not move. Two JVM launches: with and without Ferry.
 */
class TransformerFailureIT {

    private static final List<String> CASES = List.of("unknown-class-file-version", "truncated-constant-pool",
            "unknown-constant-tag");

    private static final Once<JvmRun> WITHOUT_FERRY = Once.of(() -> run(false));
    private static final Once<JvmRun> WITH_FERRY = Once.of(() -> run(true));

    @Test
    void application_should_see_the_same_failures_with_and_without_ferry() {
        JvmRun without = WITHOUT_FERRY.get();
        JvmRun with = WITH_FERRY.get();
        assertEquals(applicationView(without), applicationView(with),
                () -> "the application must see the same thing with Ferry\n" + without.report() + "\n"
                        + with.report());
        assertEquals(without.stderr(), with.stderr(), () -> without.report() + "\n" + with.report());
    }

    @Test
    void ferry_should_not_even_read_them() {
        JvmRun with = WITH_FERRY.get();
        assertAll(CASES.stream().map(name -> () -> {
            List<String> counted = with.linesAfter("counter " + name + ": ");
            assertEquals(1, counted.size(), () -> "no counter line for " + name + "\n" + with.report());
            assertEquals("transform.failures +0", counted.get(0),
                    () -> name + ": Ferry should not read it, got " + counted.get(0) + "\n" + with.report());
        }));
    }

    @Test
    void every_malformed_class_should_fail_as_the_jvm_decides_without_ferry() {
        JvmRun without = WITHOUT_FERRY.get();
        // guards the program itself: each case must reach the JVM's own class-file checks
        assertAll(CASES.stream().map(name -> () -> {
            List<String> outcome = without.linesAfter("case " + name + ": ");
            assertEquals(1, outcome.size(), without::report);
            assertTrue(outcome.get(0).startsWith("java.lang.ClassFormatError")
                    || outcome.get(0).startsWith("java.lang.UnsupportedClassVersionError"), without::report);
        }));
    }

    private static JvmRun run(boolean ferry) {
        return ForkedJvm.on(Jdk.ofThisBuild()).ferry(ferry).main(MalformedClassProgram.class).run().assertSucceeded();
    }

    private static List<String> applicationView(JvmRun run) {
        return run.stdoutLines().stream().filter(line -> !line.startsWith("counter ")).collect(Collectors.toList());
    }
}
