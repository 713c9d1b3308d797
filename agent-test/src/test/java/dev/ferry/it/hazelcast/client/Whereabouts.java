package dev.ferry.it.hazelcast.client;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Where code runs, like the members' own {@code Here}, but a helper only the client has: the jobs of this package call
 * it on the member, which receives it by value with them.
 */
final class Whereabouts {

    private Whereabouts() {
    }

    static HazelcastInstance instance() {
        return Hazelcast.getAllHazelcastInstances().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no Hazelcast member runs in this JVM"));
    }

    /** {@code member-2/jdk25}: the member's instance name and this JVM's JDK. */
    static String member() {
        return instance().getName() + "/jdk" + Runtime.version().feature();
    }
}
