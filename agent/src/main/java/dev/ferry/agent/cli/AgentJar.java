package dev.ferry.agent.cli;

import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.config.Option;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The jar this command runs from: the one it loads into other JVMs, so that the CLI and the agent always match. */
final class AgentJar {

    private AgentJar() {
    }

    /** @throws CommandFailure {@link FerryCommand#NOT_LOADED} when the command does not run from a jar */
    static Path path() throws CommandFailure {
        Path location;
        try {
            location = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            throw CommandFailure.noAgentJar("an unknown location", e);
        }
        if (!Files.isRegularFile(location)) {
            throw CommandFailure.noAgentJar(location.toString(), null);
        }
        return location;
    }

    /** {@code Implementation-Version} of the jar's manifest. */
    static String version() {
        String version = AgentJar.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version)" : version;
    }

    /**
     * Refuses wrong agent options here, where the person who typed them sees the message: the attached agent would
     * print it on the target's standard error and not install. Only the arguments are checked, not the target's
     * {@code ferry.*} system properties or environment, which this process cannot see; files they name are read by
     * the target, so relative paths are relative to its working directory.
     */
    static void checkOptions(String agentOptions) throws CommandFailure {
        if (agentOptions == null) {
            return;
        }
        try {
            AgentOptions.parse(withoutConfigFile(agentOptions), new Properties(), Map.of());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage() + "; Ferry was not loaded");
        }
    }

    /** A {@code config} file is read by the target from its own working directory: this process cannot check it. */
    private static String withoutConfigFile(String agentOptions) {
        StringBuilder kept = new StringBuilder();
        for (String pair : agentOptions.split(",")) {
            if (!pair.strip().startsWith(Option.CONFIG.optionName() + "=")) {
                kept.append(kept.length() == 0 ? "" : ",").append(pair);
            }
        }
        return kept.toString();
    }
}
