package dev.ferry.it.attach;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Ferry attached to a running JVM, played once per JDK and shared by {@link AttachIT} and {@link StatusIT}:
 * <ol>
 * <li>{@link AttachTarget} starts <em>without</em> Ferry, loads {@link Early} and prints {@code READY};
 * <li>{@code ferry status <pid>}: that JVM does not run Ferry yet;
 * <li>{@code ferry attach <pid>} loads Ferry into it;
 * <li>the target writes a lambda of {@link Early} (loaded before the attach, so prepared by retransformation) and
 * one of {@link Late} (loaded after), then ends when its input is closed;
 * <li>{@link AttachedLambdaReader}, a separate JVM started with {@code -javaagent}, reads and runs both.
 * </ol>
 * JVM launches per JDK (4): target, status, attach, reader.
 */
final class AttachScenario {

    /** What each step did. */
    record Outcome(long targetPid, JvmRun statusWithoutFerry, JvmRun attach, JvmRun target, JvmRun reader) {
    }

    private static final Map<Jdk, Once<Outcome>> OUTCOMES = new EnumMap<>(Jdk.class);

    static {
        for (Jdk jdk : Jdk.values()) {
            OUTCOMES.put(jdk, Once.of(() -> play(jdk)));
        }
    }

    private AttachScenario() {
    }

    static Outcome on(Jdk jdk) {
        return OUTCOMES.get(jdk).get();
    }

    private static Outcome play(Jdk jdk) {
        Path directory = temporaryDirectory();
        ForkedJvm target = ForkedJvm.on(jdk).withoutFerry().main(AttachTarget.class).checkingStderrItself();
        if (jdk.feature() >= 21) {
            // JDK 21+ (JEP 451) warns on the target's stderr about an agent loaded at run time without this flag
            target.jvmOption("-XX:+EnableDynamicAgentLoading");
        }
        try (ForkedJvm.Running running = target.start()) {
            running.awaitLine("READY");
            String pid = String.valueOf(running.pid());
            JvmRun status = FerryCli.run(jdk, "status", pid);
            JvmRun attach = FerryCli.run(jdk, "attach", pid);
            running.send("write " + directory).awaitLine("DONE");
            JvmRun targetRun = running.stop();
            JvmRun reader = ForkedJvm.on(jdk).withFerry().main(AttachedLambdaReader.class, directory.toString()).run();
            return new Outcome(running.pid(), status, attach, targetRun, reader);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ferry-attach");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("early.ser"));
            Files.deleteIfExists(directory.resolve("late.ser"));
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temporary directory left behind must not fail the tests that used it
        }
    }
}
