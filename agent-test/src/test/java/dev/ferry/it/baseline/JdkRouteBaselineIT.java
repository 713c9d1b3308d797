package dev.ferry.it.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.catalog.CatalogWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the JDK does without Ferry, so that the catalog's scenarios are known to test Ferry and not the JDK: plain
 * lambdas are not serializable, and the JDK's own route for serializable lambdas breaks on the cycles the catalog
 * expects Ferry to handle (JDK-6785441, Won't Fix). No JVM here runs Ferry. Three JVM launches.
 */
class JdkRouteBaselineIT {

    private static final Jdk JDK = Jdk.ofThisBuild();

    @TempDir
    static Path files;

    private static final Once<JvmRun> CYCLES_READ = Once.of(() -> {
        ForkedJvm.on(JDK).withoutFerry().main(JavacSerializableCycles.class, "write", files.toString()).run()
                .assertSucceeded();
        return ForkedJvm.on(JDK).withoutFerry().main(JavacSerializableCycles.class, "read", files.toString()).run()
                .assertSucceeded();
    });

    @Test
    void plain_lambdas_of_the_catalog_should_not_be_serializable_without_ferry() {
        JvmRun writer = ForkedJvm.on(JDK).withoutFerry()
                .main(CatalogWriter.class, files.resolve("catalog.bin").toString()).run().assertSucceeded();

        assertTrue(writer.linesAfter("NOT-WRITTEN non_capturing_supplier: ").stream()
                .anyMatch(line -> line.contains("java.io.NotSerializableException")), writer::report);
        assertEquals(List.of(""), writer.linesAfter("WROTE javac_serializable_lambda_intersection_cast"),
                () -> "javac's own serializable lambdas must be written without Ferry\n" + writer.report());
    }

    @Test
    void recursive_javac_serializable_lambda_should_break_through_the_jdk_route() {
        String result = onlyLine(CYCLES_READ.get(), "recursive: ");
        assertTrue(result.startsWith("failed java.lang.ClassCastException") && result.contains("SerializedLambda"),
                () -> "the JDK leaves a SerializedLambda in the AtomicReference, got: " + result);
    }

    @Test
    void javac_serializable_lambda_whose_captured_object_refers_back_to_it_should_fail_to_read_through_the_jdk_route() {
        String result = onlyLine(CYCLES_READ.get(), "node: ");
        assertTrue(result.startsWith("failed ") && result.contains("SerializedLambda"),
                () -> "the JDK cannot assign the unresolved SerializedLambda to the node's field, got: " + result);
    }

    private static String onlyLine(JvmRun run, String prefix) {
        List<String> lines = run.linesAfter(prefix);
        assertEquals(1, lines.size(), run::report);
        return lines.get(0);
    }
}
