package dev.ferry.it.agents;

import dev.ferry.it.ItSettings;
import dev.ferry.it.Once;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The other agents' jars: the {@link SecondAgent}, packed at test time; JaCoCo's and Byte Buddy's, from Maven. */
final class AgentJars {

    private static final Once<Path> SECOND_AGENT = Once.of(AgentJars::packSecondAgent);

    private AgentJars() {
    }

    /** {@code -javaagent:<jar>=<argument>} of the {@link SecondAgent}. */
    static String secondAgent(String argument) {
        return "-javaagent:" + SECOND_AGENT.get() + "=" + argument;
    }

    /** JaCoCo's agent ({@code org.jacoco.agent}, classifier {@code runtime}), its path handed over by the pom. */
    static Path jacoco() {
        String jar = System.getProperty("it.jacoco.agent.jar");
        if (jar == null || jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("-Dit.jacoco.agent.jar names no JaCoCo agent jar: " + jar
                    + " (the agent-test pom sets it for Failsafe)");
        }
        return Path.of(jar);
    }

    /**
     * A jar with the manifest of an agent ({@code Premain-Class}, retransform and redefine capable) and the
     * {@link SecondAgent}'s classes, as agents are shipped; the classes it uses come from the class path.
     */
    private static Path packSecondAgent() {
        try {
            Path directory = Files.createTempDirectory("ferry-second-agent");
            Path jar = directory.resolve("second-agent.jar");
            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            attributes.putValue("Premain-Class", SecondAgent.class.getName());
            attributes.putValue("Can-Retransform-Classes", "true");
            attributes.putValue("Can-Redefine-Classes", "true");
            Path classes = ItSettings.testClasses();
            String prefix = SecondAgent.class.getName().replace('.', '/');
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                File[] classFiles = classes.resolve(prefix).getParent().toFile()
                        .listFiles((dir, name) -> name.startsWith(SecondAgent.class.getSimpleName())
                                && name.endsWith(".class"));
                Arrays.sort(classFiles);
                String packagePath = prefix.substring(0, prefix.lastIndexOf('/') + 1);
                for (File classFile : classFiles) {
                    out.putNextEntry(new JarEntry(packagePath + classFile.getName()));
                    out.write(Files.readAllBytes(classFile.toPath()));
                    out.closeEntry();
                }
            }
            jar.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack the second agent's jar", e);
        }
    }
}
