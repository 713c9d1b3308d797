package dev.ferry.samples.hazelcast.client;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A helper the client's jobs call on the member they run on. It exists only on the client: the members receive it by
 * value with the jobs that call it.
 */
final class Members {

    private Members() {
    }

    /** The Hazelcast member of this JVM (a lambda cannot be {@code HazelcastInstanceAware}, so it looks it up). */
    static HazelcastInstance local() {
        return Hazelcast.getAllHazelcastInstances().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no Hazelcast member runs in this JVM"));
    }

    /** A member's address, {@code 127.0.0.1:5701}. */
    static String address(HazelcastInstance member) {
        return address(member.getCluster().getLocalMember());
    }

    static String address(com.hazelcast.cluster.Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }
}
