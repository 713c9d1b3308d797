package dev.ferry.it.hazelcast;

import dev.ferry.it.Jdk;

/**
 * One member of a test cluster.
 *
 * @param name           {@code member-1}...
 * @param jdk            the JDK it runs on
 * @param ferryOptions its {@code -javaagent:ferry-agent.jar=} options; empty for Ferry without options (no key)
 * @param filter       its Hazelcast serialization filter, or null for none
 */
record MemberSpec(String name, Jdk jdk, String ferryOptions, ClassFilter filter) {

    static MemberSpec withKey(String name, Jdk jdk, String keyFile) {
        return new MemberSpec(name, jdk, "keyFile=" + keyFile, null);
    }

    /**
     * Hazelcast's Java serialization filter with its defaults, which whitelist only {@code java}, {@code javax},
     * {@code com.hazelcast.} and arrays.
     *
     * @param allowed  a prefix added to the whitelist
     * @param rejected a prefix on the blacklist, which wins
     */
    record ClassFilter(String allowed, String rejected) {
    }
}
