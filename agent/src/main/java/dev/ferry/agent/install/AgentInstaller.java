package dev.ferry.agent.install;

import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.config.KeyFile;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * Installs Ferry in three steps: read the options (the key among them), define the runtime in the boot loader, install
 * the transformers. Prints one line on standard error when an option is wrong, and then does not install; nothing at
 * all otherwise.
 *
 * <p>This class names no runtime type: the verifier would load it through the agent's loader before it is in the boot
 * loader, and the JVM would then see two copies. Everything that names one lives in {@link TransformerInstallation},
 * which is linked only after {@link RuntimeInjector} ran.
 */
public final class AgentInstaller {

    private static boolean installed;

    private AgentInstaller() {
    }

    /** @param attached true from {@code agentmain}: Ferry is loaded into a running JVM */
    public static synchronized void install(String agentArguments, Instrumentation instrumentation, boolean attached)
            throws Exception {
        if (installed) {
            return;
        }
        AgentOptions options;
        byte[] key;
        try {
            options = AgentOptions.parse(agentArguments, System.getProperties(), System.getenv());
            key = options.keyFile() == null ? null : KeyFile.read(options.keyFile());
        } catch (IllegalArgumentException e) {
            System.err.println("ferry: " + e.getMessage() + "; Ferry is not installed, the application runs without it");
            return;
        }
        try (JarFile agentJar = new JarFile(agentJar(), false)) {
            RuntimeInjector.inject(instrumentation, agentJar);
        }
        TransformerInstallation.install(instrumentation, options, key, attached);
        installed = true;
    }

    private static File agentJar() throws URISyntaxException {
        return new File(AgentInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
