package dev.ferry.it.attach;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/** Runs {@code <jdk>/bin/java -jar ferry-agent.jar <arguments>}, the command users type, to its end. */
final class FerryCli {

    private static final long TIMEOUT_SECONDS = 60;

    private FerryCli() {
    }

    static JvmRun run(Jdk jdk, String... arguments) {
        List<String> command = new ArrayList<>(List.of(jdk.javaLauncher().toString(), "-jar",
                ItSettings.agentJar().toString()));
        command.addAll(List.of(arguments));
        String description = jdk + ": ferry " + String.join(" ", arguments);
        try {
            Path stdout = Files.createTempFile("ferry-cli", ".out");
            Path stderr = Files.createTempFile("ferry-cli", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile());
                ForkedJvm.dropInheritedEnvironment(builder);
                Process process = builder.start();
                boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor();
                }
                JvmRun run = new JvmRun(description, command, ended ? process.exitValue() : -1,
                        Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
                if (!ended) {
                    fail("the command did not end within " + TIMEOUT_SECONDS + " s\n" + run.report());
                }
                return run;
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        }
    }

    /** The agent jar's {@code Implementation-Version}, which {@code status} must report. */
    static String agentVersion() {
        try (JarFile jar = new JarFile(ItSettings.agentJar().toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
