package dev.ferry.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Reads an MXBean of the agent's shape from an MBean server of its own, through the same open types a remote JMX
 * connection delivers.
 */
class AgentStatusTest {

    /** The figures the status command reads, as Ferry's MXBean declares them. */
    public interface SampleMXBean {
        String getVersion();

        Map<String, String> getOptions();

        Map<String, Long> getCounters();

        Map<String, Long> getRefusals();

        long getRegistrySize();

        String[] getRecentErrors();
    }

    /** An older agent: only a version and counters. */
    public interface OlderMXBean {
        String getVersion();

        Map<String, Long> getCounters();
    }

    @Test
    void status_should_read_every_figure_of_the_mxbean() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new SampleMXBean() {
            @Override
            public String getVersion() {
                return "0.1.0";
            }

            @Override
            public Map<String, String> getOptions() {
                return Map.of("include", "com.acme", "keyFile", "set");
            }

            @Override
            public Map<String, Long> getCounters() {
                return Map.of("lambdas.written", 2L, "lambdas.read", 0L);
            }

            @Override
            public Map<String, Long> getRefusals() {
                return Map.of("integrity", 1L);
            }

            @Override
            public long getRegistrySize() {
                return 5;
            }

            @Override
            public String[] getRecentErrors() {
                return new String[] {"first", "second"};
            }
        }, new ObjectName(AgentStatus.OBJECT_NAME));

        AgentStatus status = AgentStatus.read(server, 1);

        assertEquals("0.1.0", status.version());
        assertEquals(Map.of("include", "com.acme", "keyFile", "set"), status.options());
        assertEquals(List.of("lambdas.read", "lambdas.written"), List.copyOf(status.counters().keySet()));
        assertEquals(2L, status.counters().get("lambdas.written"));
        assertEquals(Map.of("integrity", 1L), status.refusals());
        assertEquals(5L, status.registrySize());
        assertEquals(List.of("first", "second"), status.recentErrors());
    }

    @Test
    void figures_an_older_agent_lacks_should_be_null() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new OlderMXBean() {
            @Override
            public String getVersion() {
                return "0.0.9";
            }

            @Override
            public Map<String, Long> getCounters() {
                return Map.of("lambdas.written", 1L);
            }
        }, new ObjectName(AgentStatus.OBJECT_NAME));

        AgentStatus status = AgentStatus.read(server, 1);

        assertEquals("0.0.9", status.version());
        assertEquals(Map.of("lambdas.written", 1L), status.counters());
        assertNull(status.options());
        assertNull(status.registrySize());
        assertNull(status.recentErrors());
    }

    @Test
    void jvm_without_the_mxbean_should_be_reported_as_not_running_ferry() {
        CommandFailure failure = assertThrows(CommandFailure.class,
                () -> AgentStatus.read(MBeanServerFactory.newMBeanServer(), 4242));
        assertEquals(FerryCommand.NO_FERRY, failure.exitCode());
        assertEquals("JVM 4242 does not run Ferry (no MBean dev.ferry:type=Agent)", failure.getMessage());
    }
}
