package dev.ferry.bench.apps;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;

/**
 * A real application's start-up: a Hazelcast member starts (alone: it joins nobody, so no network wait is
 * measured), puts one map entry, reads it back and shuts down. Prints {@code put=ok} when it did.
 */
public final class HazelcastMemberStart {

    private HazelcastMemberStart() {
    }

    public static void main(String[] args) {
        Config config = new Config();
        config.setClusterName("ferry-bench-start-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getNetworkConfig().setPort(0).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        try {
            Map<String, String> map = member.getMap("start-up");
            map.put("ferry", "afloat");
            System.out.println("afloat".equals(map.get("ferry")) ? "put=ok" : "put=lost");
        } finally {
            member.shutdown();
        }
    }
}
