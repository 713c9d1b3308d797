package dev.ferry.agent.jmx;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.ManagementHook;
import dev.ferry.boot.jdk.JdkInternals;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Registers {@link AgentMXBean} in the platform MBean server when something else creates that server: Ferry's
 * hook makes {@code getPlatformMBeanServer()} tell {@link ManagementHook} when it creates it. If the
 * server already exists when Ferry starts (attached late), a daemon thread registers the bean, so that start-up itself
 * never touches the server.
 *
 * <p>No JMX type is named here or in {@link AgentMXBean}: {@code java.management} is loaded by whoever creates the
 * server, not by Ferry's start-up ({@link Registrar} is linked at registration only).
 */
public final class MXBeanRegistration implements Consumer<Object> {

    public static final String MANAGEMENT_FACTORY = "java.lang.management.ManagementFactory";

    private final AgentMXBean bean;
    private final AtomicBoolean registered = new AtomicBoolean();

    private MXBeanRegistration(AgentMXBean bean) {
        this.bean = bean;
    }

    /**
     * Prepares the registration: {@code ManagementFactory}, hooked by {@code JdkHooksTransformer}, will call Ferry's
     * runtime when it creates the platform server.
     *
     * @return false when this runtime has no {@code java.management} module (nothing to hook)
     */
    public static boolean install(Instrumentation instrumentation, AgentMXBean bean) {
        Optional<Module> management = ModuleLayer.boot().findModule("java.management");
        if (management.isEmpty()) {
            return false;
        }
        Module ferryRuntime = ManagementHook.class.getModule();
        instrumentation.redefineModule(management.get(), Set.of(ferryRuntime), Map.of(),
                Map.of("java.lang.management", Set.of(ferryRuntime)), Set.of(), Map.of());
        ManagementHook.install(new MXBeanRegistration(bean));
        return true;
    }

    /**
     * Called after {@code ManagementFactory}, already loaded when Ferry started, was retransformed: if its platform
     * server exists already, a daemon thread registers the bean.
     */
    public static void registerIfServerExists(Class<?> managementFactory) {
        if (!JdkInternals.platformMBeanServerExists(managementFactory)) {
            return;
        }
        Thread late = new Thread(new Runnable() {
            @Override
            public void run() {
                Registrar.registerWithExistingServer();
            }
        }, "ferry-mxbean-registration");
        late.setDaemon(true);
        late.start();
    }

    @Override
    public void accept(Object server) {
        if (registered.get() || !registered.compareAndSet(false, true)) {
            return;
        }
        try {
            Registrar.register(server, bean);
        } catch (Exception | LinkageError e) {
            AgentCounters.otherFailure("registering the MXBean " + AgentMXBean.OBJECT_NAME, e);
        }
    }

    /** The JMX calls, in a class of their own so that linking {@link MXBeanRegistration} loads no JMX type. */
    private static final class Registrar {
        static void register(Object server, AgentMXBean bean) throws Exception {
            ((javax.management.MBeanServer) server).registerMBean(bean,
                    new javax.management.ObjectName(AgentMXBean.OBJECT_NAME));
        }

        static void registerWithExistingServer() {
            ManagementHook.serverReady(java.lang.management.ManagementFactory.getPlatformMBeanServer());
        }
    }
}
