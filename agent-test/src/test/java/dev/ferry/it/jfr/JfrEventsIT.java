package dev.ferry.it.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ferry's JFR events, recorded by a real JVM with Ferry and a key under the JDK's {@code default} settings
 * ({@link JfrEventsProgram}) and read back here with {@code jdk.jfr.consumer}: a lambda and a class materialized, a
 * tampered class refused for integrity, a malformed class Ferry failed to transform. The event classes are first
 * loaded before the recording starts, so the events must also reach a recording started later. Ferry stays silent
 * (ForkedJvm fails the test on any stderr). One JVM launch per JDK.
 */
class JfrEventsIT {

    @TempDir
    static Path files;

    private static final Map<Jdk, Once<Recorded>> RUNS = new EnumMap<>(Map.of(
            Jdk.JDK17, Once.of(() -> run(Jdk.JDK17)), Jdk.JDK25, Once.of(() -> run(Jdk.JDK25))));

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void program_should_see_every_case_behave_as_with_ferry_without_jfr(Jdk jdk) {
        JvmRun run = RUNS.get(jdk).get().run;
        assertEquals(List.of("before-recording: java.lang.ClassFormatError", "lambda: 42",
                "class: shipped materialized=true", "refusal: java.io.InvalidClassException",
                "transform-failure: java.io.NotSerializableException"), run.stdoutLines(), run::report);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void lambda_materialization_should_be_recorded_with_its_capturing_class_and_time(Jdk jdk) {
        RecordedEvent lambda = single(jdk, "dev.ferry.Materialization", event -> "lambda".equals(event.getString("kind")));
        assertEquals(JfrEventsProgram.class.getName(), lambda.getString("className"));
        assertTrue(lambda.getLong("materializationTime") > 0, lambda::toString);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void class_materialization_should_be_recorded_with_the_class_name_and_time(Jdk jdk) {
        RecordedEvent generated = single(jdk, "dev.ferry.Materialization",
                event -> "class".equals(event.getString("kind")));
        assertEquals(JfrEventsProgram.SHIPPED, generated.getString("className"));
        assertTrue(generated.getLong("materializationTime") > 0, generated::toString);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void integrity_refusal_should_be_recorded_with_reason_class_and_message(Jdk jdk) {
        RecordedEvent refusal = single(jdk, "dev.ferry.Refusal", event -> true);
        assertEquals("integrity", refusal.getString("reason"));
        assertEquals(JfrEventsProgram.TAMPERED, refusal.getString("className"));
        assertTrue(refusal.getString("message") != null && !refusal.getString("message").isEmpty(), refusal::toString);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void transform_failure_should_be_recorded_with_the_class_name_and_error(Jdk jdk) {
        List<RecordedEvent> failures = events(jdk, "dev.ferry.TransformFailure");
        assertTrue(!failures.isEmpty() && failures.stream().allMatch(
                event -> JfrEventsProgram.MALFORMED.equals(event.getString("className"))
                        && !event.getString("error").isEmpty()),
                () -> "transform failures of " + JfrEventsProgram.MALFORMED + " only expected, got " + failures);
    }

    private static RecordedEvent single(Jdk jdk, String type, Predicate<RecordedEvent> which) {
        List<RecordedEvent> found = events(jdk, type).stream().filter(which).collect(Collectors.toList());
        assertEquals(1, found.size(), () -> "one " + type + " expected, got " + found);
        return found.get(0);
    }

    private static List<RecordedEvent> events(Jdk jdk, String type) {
        return RUNS.get(jdk).get().events.stream().filter(event -> event.getEventType().getName().equals(type))
                .collect(Collectors.toList());
    }

    private static Recorded run(Jdk jdk) {
        try {
            Path key = Files.write(files.resolve(jdk.name() + ".key"), randomBytes(32));
            Path recording = files.resolve(jdk.name() + ".jfr");
            JvmRun run = ForkedJvm.on(jdk).withFerry("keyFile=" + key)
                    .main(JfrEventsProgram.class, recording.toString()).run().assertSucceeded();
            List<RecordedEvent> ferryEvents = RecordingFile.readAllEvents(recording).stream()
                    .filter(event -> event.getEventType().getName().startsWith("dev.ferry."))
                    .collect(Collectors.toList());
            return new Recorded(run, ferryEvents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A run of {@link JfrEventsProgram} and the Ferry events of its recording. */
    private record Recorded(JvmRun run, List<RecordedEvent> events) {
    }
}
