package dev.ferry.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A running JVM reached through the JDK's attach API ({@code jdk.attach}), as {@code jcmd} reaches it. Closing
 * detaches, and closes the JMX connection if one was opened.
 */
final class TargetJvm implements AutoCloseable {

    private final long pid;
    private final VirtualMachine machine;
    private JMXConnector connector;

    private TargetJvm(long pid, VirtualMachine machine) {
        this.pid = pid;
        this.machine = machine;
    }

    /** @throws CommandFailure {@link FerryCommand#NOT_ATTACHABLE} with the JDK's reason */
    static TargetJvm attach(long pid) throws CommandFailure {
        try {
            return new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            throw CommandFailure.notAttachable(pid, e);
        }
    }

    /**
     * Loads the agent jar into the JVM, which calls its {@code Agent-Class}'s {@code agentmain}. JDK 21+ prints a
     * warning on the target's standard error unless it was started with {@code -XX:+EnableDynamicAgentLoading}
     * (JEP 451), and refuses outright with {@code -XX:-EnableDynamicAgentLoading}.
     */
    void loadAgent(Path jar, String agentOptions) throws CommandFailure {
        try {
            machine.loadAgent(jar.toString(), agentOptions);
        } catch (AgentLoadException e) {
            throw CommandFailure.notLoaded(pid, "it refused the agent jar " + jar, e);
        } catch (AgentInitializationException e) {
            throw CommandFailure.notLoaded(pid, "Ferry's agentmain failed there, see its standard error", e);
        } catch (IOException | RuntimeException e) {
            throw CommandFailure.notLoaded(pid, "the attach connection failed", e);
        }
    }

    /**
     * Connects to the JVM's platform MBean server through its local management agent, which this starts if it is
     * not running yet and which then stays on, reachable from this machine only (as after
     * {@code jcmd <pid> ManagementAgent.start_local}).
     */
    MBeanServerConnection management() throws CommandFailure {
        try {
            String address = machine.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return connector.getMBeanServerConnection();
        } catch (IOException | RuntimeException e) {
            throw CommandFailure.connectionLost(pid, e);
        }
    }

    @Override
    public void close() {
        try {
            if (connector != null) {
                connector.close();
            }
        } catch (IOException ignored) {
            // the figures were read or the failure reported already; a broken close changes neither
        }
        try {
            machine.detach();
        } catch (IOException ignored) {
            // same: the target may have ended since
        }
    }
}
