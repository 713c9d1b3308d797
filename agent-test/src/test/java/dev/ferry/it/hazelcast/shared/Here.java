package dev.ferry.it.hazelcast.shared;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Where code runs, asked by jobs on the member that runs them: this JVM's Hazelcast member and its name with the JDK,
 * {@code member-2/jdk25}. A lambda cannot be {@code HazelcastInstanceAware}, so it looks the member up.
 */
public final class Here {

    private Here() {
    }

    public static HazelcastInstance instance() {
        return Hazelcast.getAllHazelcastInstances().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no Hazelcast member runs in this JVM"));
    }

    /** {@code member-2/jdk25}: the member's instance name and this JVM's JDK. */
    public static String member() {
        return instance().getName() + "/jdk" + Runtime.version().feature();
    }
}
