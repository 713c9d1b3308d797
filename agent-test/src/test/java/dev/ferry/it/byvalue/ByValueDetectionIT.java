package dev.ferry.it.byvalue;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.it.support.KeyFiles;
import dev.ferry.it.ForkedJvm;
import dev.ferry.it.support.StreamSurgery;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ferry ships by value: classes found by name on the class path never (their streams are byte for byte the
 * JDK's), generated classes always, except in a {@code byName} package; class-path classes in a {@code byValue}
 * package too. A generated class from the same writers, read by value, is the control that by-value mode was on.
 *
 * <p>JVM launches (4), on the JDK of this build: a writer with the key, a writer without Ferry, a writer with the key
 * and the {@code byName}/{@code byValue} options, and one reader with the key.
 */
class ByValueDetectionIT {

    private static final Jdk JDK = Jdk.ofThisBuild();

    @TempDir
    static Path files;

    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("key"), KeyFiles.MINIMUM_BYTES));

    private static final Once<JvmRun> KEYED_WRITER = Once.of(() -> ForkedJvm.on(JDK).withFerry("keyFile=" + KEY.get())
            .main(DetectionProgram.class, "write-class-path", file("class-path-keyed").toString(),
                    "write-generated", file("generated-keyed").toString())
            .run().assertSucceeded());
    private static final Once<JvmRun> PLAIN_WRITER = Once.of(() -> ForkedJvm.on(JDK).withoutFerry()
            .main(DetectionProgram.class, "write-class-path", file("class-path-plain").toString())
            .run().assertSucceeded());
    private static final Once<JvmRun> OPTIONS_WRITER = Once.of(() -> ForkedJvm.on(JDK)
            .withFerry("keyFile=" + KEY.get() + ",byName=" + DetectionProgram.BY_NAME_PACKAGE + ",byValue="
                    + DetectionProgram.BY_VALUE_PACKAGE)
            .main(DetectionProgram.class, "write-by-name", file("by-name").toString(),
                    "write-generated", file("generated-with-options").toString(),
                    "write-by-value", file("by-value").toString())
            .run().assertSucceeded());
    private static final Once<JvmRun> READER = Once.of(() -> {
        KEYED_WRITER.get();
        OPTIONS_WRITER.get();
        return ForkedJvm.on(JDK).withFerry("keyFile=" + KEY.get()).main(DetectionProgram.class,
                DetectionProgram.GENERATED_CHECK, file("generated-keyed").toString(),
                DetectionProgram.BY_NAME_CHECK, file("by-name").toString(),
                DetectionProgram.GENERATED_WITH_OPTIONS_CHECK, file("generated-with-options").toString(),
                DetectionProgram.BY_VALUE_CHECK, file("by-value").toString()).run();
    });

    @Test
    void class_path_objects_should_be_written_byte_for_byte_as_without_ferry() throws IOException {
        KEYED_WRITER.get();
        PLAIN_WRITER.get();
        byte[] keyed = Files.readAllBytes(file("class-path-keyed"));
        byte[] plain = Files.readAllBytes(file("class-path-plain"));
        int mismatch = Arrays.mismatch(keyed, plain);
        assertEquals(-1, mismatch, () -> "the streams differ at byte " + mismatch + " (" + keyed.length
                + " B with Ferry, " + plain.length + " B without)");
        assertFalse(StreamSurgery.containsClassFile(keyed), "no class file may be shipped for class-path classes");
        assertPassed(READER.get(), DetectionProgram.GENERATED_CHECK);
    }

    @Test
    void generated_class_in_a_byName_package_should_be_written_by_name_and_not_found_by_the_reader() {
        assertPassed(READER.get(), DetectionProgram.BY_NAME_CHECK);
        assertPassed(READER.get(), DetectionProgram.GENERATED_WITH_OPTIONS_CHECK);
    }

    @Test
    void class_path_class_in_a_byValue_package_should_be_shipped_by_value() {
        assertPassed(READER.get(), DetectionProgram.BY_VALUE_CHECK);
    }

    private static Path file(String name) {
        return files.resolve(name + ".ser");
    }
}
