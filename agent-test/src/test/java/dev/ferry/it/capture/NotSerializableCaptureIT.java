package dev.ferry.it.capture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A lambda that captures something not serializable fails as without Ferry ({@code NotSerializableException}), but
 * the message tells where: the offending class, the lambda's capturing class and method, and the path to the
 * offending object. Checked loosely: the parts, not the format. One JVM launch.
 */
class NotSerializableCaptureIT {

    private static final Once<JvmRun> RUN = Once.of(() -> ForkedJvm.on(Jdk.ofThisBuild()).withFerry()
            .main(NotSerializableCaptureProgram.class).run().assertSucceeded());

    @Test
    void message_should_name_the_class_the_lambda_and_the_field_path_when_the_culprit_is_behind_a_field() {
        String message = failure("through-a-field");
        assertMentions(message, "Worker", "Holder", "worker", "NotSerializableCaptureProgram", "lambda$main$0");
    }

    @Test
    void message_should_name_the_class_and_the_lambda_when_the_culprit_is_captured_directly() {
        String message = failure("directly");
        assertMentions(message, "Worker", "NotSerializableCaptureProgram", "lambda$main$1");
    }

    private static String failure(String name) {
        JvmRun run = RUN.get();
        List<String> cases = run.linesAfter("CASE " + name + " ");
        assertEquals(1, cases.size(), () -> "one line expected for case " + name + "\n" + run.report());
        String line = cases.get(0);
        assertTrue(line.startsWith("true|"),
                () -> "writing must fail with a NotSerializableException (or a subclass), got: " + line);
        return line.substring(line.lastIndexOf('|') + 1);
    }

    private static void assertMentions(String message, String... parts) {
        assertAll(Stream.of(parts).map(part -> () -> assertTrue(message.contains(part),
                () -> "the message should mention " + part + ": " + message)));
    }
}
