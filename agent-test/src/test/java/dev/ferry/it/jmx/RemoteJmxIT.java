package dev.ferry.it.jmx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An operator's view: {@link WatchedApplication} runs with Ferry, a key and the JDK's JMX agent on a loopback port;
 * this test's JVM (a separate process) connects with a real {@link JMXConnector} and reads
 * {@code dev.ferry:type=Agent}, waiting with Awaitility until the figures show what the application did. Ferry
 * registers its MXBean when the JMX agent creates the platform MBean server, not earlier. JVM launches: 2.
 */
class RemoteJmxIT {

    private static final ObjectName FERRY = objectName("dev.ferry:type=Agent");

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void remote_client_should_read_ferrys_figures_and_reset_them(Jdk jdk, @TempDir Path directory) throws Exception {
        Path key = Files.write(directory.resolve("ferry.key"), randomBytes(32));
        int port = freePort();
        try (ForkedJvm.Running application = ForkedJvm.on(jdk).withFerry("keyFile=" + key)
                .systemProperty("com.sun.management.jmxremote.port", String.valueOf(port))
                .systemProperty("com.sun.management.jmxremote.rmi.port", String.valueOf(port))
                .systemProperty("com.sun.management.jmxremote.host", "127.0.0.1")
                .systemProperty("com.sun.management.jmxremote.authenticate", "false")
                .systemProperty("com.sun.management.jmxremote.ssl", "false")
                .main(WatchedApplication.class).start()) {
            application.awaitLine(WatchedApplication.READY);
            String generated = application.stdoutLines().stream()
                    .filter(line -> line.startsWith(WatchedApplication.GENERATED)).findFirst().orElseThrow()
                    .substring(WatchedApplication.GENERATED.length());
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();

                await("Ferry's counters over JMX").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Map<String, Long> counters = longs(server.getAttribute(FERRY, "Counters"));
                    assertEquals(WatchedApplication.LAMBDAS, counters.get("lambdas.written"), counters::toString);
                    assertEquals(WatchedApplication.LAMBDAS, counters.get("lambdas.read"), counters::toString);
                    assertEquals(1L, counters.get("classes.materialized"), counters::toString);
                    assertEquals(1L, longs(server.getAttribute(FERRY, "Refusals")).get("integrity"));
                });
                assertEquals(1L, longs(server.getAttribute(FERRY, "RecipesMaterialized")).get("class"));
                assertEquals(1L, (Long) server.getAttribute(FERRY, "RegistrySize"));
                Map<String, String> options = strings(server.getAttribute(FERRY, "Options"));
                assertEquals("set (agent argument)", options.get("keyFile"), options::toString);
                assertTrue(((String) server.getAttribute(FERRY, "Version")).length() > 0);
                String[] errors = (String[]) server.getAttribute(FERRY, "RecentErrors");
                assertTrue(Arrays.stream(errors).anyMatch(error -> error.contains("integrity")),
                        () -> Arrays.toString(errors));
                String[] registry = (String[]) server.invoke(FERRY, "listRegistryEntries", null, null);
                assertTrue(Arrays.stream(registry).anyMatch(entry -> entry.startsWith(generated + " in ferry:")),
                        () -> Arrays.toString(registry));
                String[] instrumented = (String[]) server.invoke(FERRY, "listInstrumentedClasses", null, null);
                assertTrue(Arrays.stream(instrumented).anyMatch(entry -> entry.startsWith(
                        WatchedApplication.class.getName() + " (")), () -> Arrays.toString(instrumented));

                server.invoke(FERRY, "resetCounters", null, null);

                Map<String, Long> reset = longs(server.getAttribute(FERRY, "Counters"));
                assertEquals(0L, reset.get("lambdas.written"), reset::toString);
                assertEquals(0L, longs(server.getAttribute(FERRY, "Refusals")).get("integrity"));
            }
            application.stop().assertSucceeded();
        }
    }

    private static Map<String, Long> longs(Object tabular) {
        Map<String, Long> map = new HashMap<>();
        for (Object row : ((TabularData) tabular).values()) {
            map.put((String) ((CompositeData) row).get("key"), (Long) ((CompositeData) row).get("value"));
        }
        return map;
    }

    private static Map<String, String> strings(Object tabular) {
        Map<String, String> map = new HashMap<>();
        for (Object row : ((TabularData) tabular).values()) {
            map.put((String) ((CompositeData) row).get("key"), (String) ((CompositeData) row).get("value"));
        }
        return map;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
