package dev.ferry.boot.diagnostics;

import java.util.function.Consumer;

/**
 * Told when {@code java.lang.management.ManagementFactory.getPlatformMBeanServer()} creates the platform MBean server
 * ({@link PlatformMBeanServerHook}): Ferry's MXBean is registered when the application, the JMX agent or an attaching
 * tool brings that server into being, never by Ferry itself during start-up (creating that server early breaks
 * applications that choose their own MBean server builder).
 */
public final class ManagementHook {

    private static volatile Consumer<Object> listener;

    private ManagementHook() {
    }

    /** @param onServer receives the platform {@code MBeanServer}, at every call; it must register once and be fast */
    public static void install(Consumer<Object> onServer) {
        listener = onServer;
    }

    /** Never throws into {@code ManagementFactory}. */
    public static void serverReady(Object server) {
        Consumer<Object> onServer = listener;
        if (onServer != null) {
            try {
                onServer.accept(server);
            } catch (Throwable failure) {
                AgentCounters.otherFailure("registering the MXBean dev.ferry:type=Agent", failure);
            }
        }
    }
}
