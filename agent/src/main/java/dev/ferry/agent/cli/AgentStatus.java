package dev.ferry.agent.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The figures of Ferry's MXBean ({@value #OBJECT_NAME}) in another JVM, read through JMX as open types only, so this
 * command needs none of the agent's runtime classes. A figure the agent does not report (an older agent) is null.
 *
 * @param version the agent's version
 * @param options the options in effect, by name (the key file redacted by the agent)
 * @param counters every counter, by name, sorted
 * @param refusals refusals by reason, sorted
 * @param registrySize materialized classes alive in that JVM
 * @param recentErrors the agent's last errors, oldest first
 */
record AgentStatus(String version, Map<String, String> options, Map<String, Long> counters,
        Map<String, Long> refusals, Long registrySize, List<String> recentErrors) {

    static final String OBJECT_NAME = "dev.ferry:type=Agent";

    private static final String[] ATTRIBUTES = {"Version", "Options", "Counters", "Refusals", "RegistrySize",
            "RecentErrors"};

    /**
     * @throws CommandFailure {@link FerryCommand#NO_FERRY} when the JVM has no such MBean,
     *         {@link FerryCommand#NOT_ATTACHABLE} when the connection fails
     */
    static AgentStatus read(MBeanServerConnection connection, long pid) throws CommandFailure {
        ObjectName name = objectName();
        try {
            if (!connection.isRegistered(name)) {
                throw CommandFailure.noFerry(pid, OBJECT_NAME);
            }
            // getAttributes leaves out what it cannot read, so one missing figure does not hide the others
            Map<String, Object> values = new HashMap<>();
            for (Attribute attribute : connection.getAttributes(name, ATTRIBUTES).asList()) {
                values.put(attribute.getName(), attribute.getValue());
            }
            return new AgentStatus(text(values.get("Version")), table(values.get("Options"), String::valueOf),
                    table(values.get("Counters"), AgentStatus::number),
                    table(values.get("Refusals"), AgentStatus::number), number(values.get("RegistrySize")),
                    lines(values.get("RecentErrors")));
        } catch (InstanceNotFoundException unregisteredMeanwhile) {
            throw CommandFailure.noFerry(pid, OBJECT_NAME);
        } catch (IOException | JMException e) {
            throw CommandFailure.connectionLost(pid, e);
        }
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Long number(Object value) {
        return value instanceof Number ? ((Number) value).longValue() : null;
    }

    private static List<String> lines(Object value) {
        return value instanceof String[] ? Arrays.asList((String[]) value) : null;
    }

    /** An MXBean's {@code Map<String, V>} arrives as {@link TabularData}, rows of {@code key} and {@code value}. */
    private static <V> Map<String, V> table(Object value, Function<Object, V> convert) {
        if (!(value instanceof TabularData)) {
            return null;
        }
        Map<String, V> rows = new TreeMap<>();
        for (Object row : ((TabularData) value).values()) {
            CompositeData entry = (CompositeData) row;
            rows.put(String.valueOf(entry.get("key")), convert.apply(entry.get("value")));
        }
        return rows;
    }
}
