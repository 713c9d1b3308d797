package dev.ferry.boot.diagnostics;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * Called by {@code ManagementFactory.getPlatformMBeanServer()} in place of {@code MBeanServerFactory.createMBeanServer()}
 * (Ferry's transformer repoints that one call): the platform server is created as before, and handed to
 * {@link ManagementHook} so that Ferry's MXBean is registered in it. The only runtime class that names a
 * {@code java.management} type: it is loaded by that call, never by Ferry's start-up.
 */
public final class PlatformMBeanServerHook {

    private PlatformMBeanServerHook() {
    }

    public static MBeanServer createMBeanServer() {
        MBeanServer server = MBeanServerFactory.createMBeanServer();
        ManagementHook.serverReady(server);
        return server;
    }
}
