package dev.ferry.it.hazelcast.member;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.util.List;

/**
 * A Hazelcast member of a test cluster, the way a deployment starts one: this class, Hazelcast and the libraries the
 * member needs are its whole class path, nothing of the client's code (the IT builds that class path).
 *
 * <pre>
 * ClusterMember CLUSTER NAME PORT ADDRESSES [ALLOWED_PREFIX REJECTED_PREFIX]
 * </pre>
 *
 * Joins {@code ADDRESSES} (every member's {@code 127.0.0.1:PORT}, comma separated) over TCP/IP on loopback, without
 * multicast. With the two prefixes, it turns on Hazelcast's Java serialization filter
 * ({@link JavaSerializationFilterConfig}, its defaults kept): classes of {@code ALLOWED_PREFIX} join its default
 * whitelist ({@code java}, {@code javax}, {@code com.hazelcast.}, arrays), classes of {@code REJECTED_PREFIX} are
 * blacklisted, which wins. Prints {@value #READY} once every member of {@code ADDRESSES} has joined, then runs until
 * its standard input closes, and stops. Silent otherwise: the JVM runs with {@code -Dhazelcast.logging.type=none}.
 */
public final class ClusterMember {

    public static final String READY = "READY";

    private ClusterMember() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 6) {
            System.err.println("usage: ClusterMember CLUSTER NAME PORT ADDRESSES [ALLOWED_PREFIX REJECTED_PREFIX]");
            System.exit(2);
        }
        List<String> addresses = List.of(args[3].split(","));
        Config config = config(args[0], args[1], Integer.parseInt(args[2]), addresses);
        if (args.length == 6) {
            JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
            filter.getWhitelist().addPrefixes(args[4]);
            filter.getBlacklist().addPrefixes(args[5]);
            config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test closes standard input
        }
        // the whole cluster stops at once and holds nothing worth migrating: no graceful hand-over
        member.getLifecycleService().terminate();
        System.exit(0);
    }

    static Config config(String cluster, String name, int port, List<String> addresses) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setInstanceName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // newHazelcastInstance returns once every member has joined, so READY means the cluster is whole
        config.setProperty("hazelcast.initial.min.cluster.size", String.valueOf(addresses.size()));
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
        return config;
    }
}
