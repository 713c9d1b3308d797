package dev.ferry.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The system properties the pom hands to Failsafe; a missing one fails the test with the property's name. */
public final class ItSettings {

    private ItSettings() {
    }

    /** {@code agent/target/ferry-agent.jar}, built by the agent module. */
    public static Path agentJar() {
        Path jar = path("ferry.agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Ferry agent jar " + jar + " does not exist: build the agent module first"
                    + " (mvn -pl agent package)");
        }
        return jar;
    }

    /** The test-classes directory: the class path of every forked JVM. */
    public static Path testClasses() {
        return directory("ferry.test.classes");
    }

    /**
     * The class path of every forked JVM: the test classes, then the generator libraries (Byte Buddy, Spring AOP,
     * Javassist) that Maven resolved for this module.
     */
    public static String forkedClassPath() {
        String libraries = System.getProperty("ferry.it.libraries", "");
        return testClasses() + (libraries.isBlank() ? "" : File.pathSeparator + libraries);
    }

    static Path directory(String property) {
        Path directory = path(property);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("-D" + property + " names no directory: " + directory);
        }
        return directory;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the agent-test pom sets it"
                    + " for Surefire and Failsafe)");
        }
        return Path.of(value).toAbsolutePath();
    }
}
