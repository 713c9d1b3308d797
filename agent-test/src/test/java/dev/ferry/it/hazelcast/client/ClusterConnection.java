package dev.ferry.it.hazelcast.client;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link HazelcastClient} connected to a test cluster whose members are all in, and the members' names
 * ({@code member-1}...) as the test gave them: {@code NAME=127.0.0.1:PORT,...}.
 */
final class ClusterConnection implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HazelcastInstance client;
    /** Member name by address, in the test's order. */
    private final Map<String, String> names;

    private ClusterConnection(HazelcastInstance client, Map<String, String> names) {
        this.client = client;
        this.names = names;
    }

    static ClusterConnection open(String cluster, String members) throws InterruptedException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String member : members.split(",")) {
            String[] nameAndAddress = member.split("=", 2);
            names.put(nameAndAddress[1], nameAndAddress[0]);
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.getNetworkConfig().setAddresses(new ArrayList<>(names.keySet()));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(TIMEOUT.toMillis());
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            awaitMembers(client, names.size());
        } catch (InterruptedException | RuntimeException e) {
            client.shutdown();
            throw e;
        }
        return new ClusterConnection(client, names);
    }

    HazelcastInstance client() {
        return client;
    }

    /** The members, in the test's order. */
    List<Member> members() {
        List<Member> ordered = new ArrayList<>();
        names.values().forEach(name -> ordered.add(member(name)));
        return ordered;
    }

    Member member(String name) {
        return client.getCluster().getMembers().stream().filter(member -> name.equals(nameOf(member))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in " + client.getCluster()
                        .getMembers()));
    }

    String nameOf(Member member) {
        return names.get(member.getAddress().getHost() + ":" + member.getAddress().getPort());
    }

    Member owner(String key) {
        return client.getPartitionService().getPartition(key).getOwner();
    }

    /** A member that does not own {@code key}: reading the entry there crosses from one member to another. */
    Member notOwning(String key) {
        Member owner = owner(key);
        return members().stream().filter(member -> !member.equals(owner)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** A member accepts clients before the others have joined: wait for them all, with a listener. */
    private static void awaitMembers(HazelcastInstance client, int count) throws InterruptedException {
        CountDownLatch joined = new CountDownLatch(1);
        UUID registration = client.getCluster().addMembershipListener(new InitialMembershipListener() {
            @Override
            public void init(InitialMembershipEvent event) {
                check(event.getMembers().size());
            }

            @Override
            public void memberAdded(MembershipEvent event) {
                check(event.getMembers().size());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // members leave only when the test ends
            }

            private void check(int members) {
                if (members >= count) {
                    joined.countDown();
                }
            }
        });
        try {
            if (!joined.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(client.getCluster().getMembers().size() + " of " + count
                        + " members joined within " + TIMEOUT);
            }
        } finally {
            client.getCluster().removeMembershipListener(registration);
        }
    }
}
