package dev.ferry.it.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.hazelcast.client.RefusalClient;
import dev.ferry.it.support.KeyFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member decides what it runs, through Hazelcast as through a plain stream. One cluster on the JDK of this build
 * (CI runs both), three members: {@value RefusalClient#KEYED} with the key, {@value RefusalClient#KEYLESS} with Ferry
 * and no key, {@value RefusalClient#FILTERING} with the key and Hazelcast's {@code JavaSerializationFilterConfig} on,
 * whitelisting {@value #ALLOWED} and blacklisting the client's package. The client sends each the same task only it
 * has (by value), which signs a map when it runs, and a lambda whose code every member has. 4 JVM launches.
 */
class HazelcastRefusalIT {

    private static final Jdk JDK = Jdk.ofThisBuild();
    private static final String CLIENT_PACKAGE = RefusalClient.class.getPackageName();
    /**
     * What the filtering member adds to Hazelcast's default whitelist: Ferry's classes (the objects lambdas travel
     * as) and the application's, all under {@code dev.ferry.}; the client's package is blacklisted, which wins.
     */
    private static final String ALLOWED = "dev.ferry.";

    @TempDir
    static Path files;

    private static final Once<ClusterRun> CLUSTER = Once.of(() -> {
        String key = KeyFiles.random(files.resolve("ferry.key"), KeyFiles.MINIMUM_BYTES).toString();
        List<MemberSpec> members = List.of(
                MemberSpec.withKey(RefusalClient.KEYED, JDK, key),
                new MemberSpec(RefusalClient.KEYLESS, JDK, "", null),
                new MemberSpec(RefusalClient.FILTERING, JDK, "keyFile=" + key,
                        new MemberSpec.ClassFilter(ALLOWED, CLIENT_PACKAGE)));
        return TestCluster.run(members, JDK, "keyFile=" + key + ",byValue=" + CLIENT_PACKAGE, RefusalClient.class,
                files);
    });

    @Test
    void member_without_the_key_should_refuse_a_class_by_value_and_the_client_should_get_ferrys_reason() {
        String failure = outcome(RefusalClient.BY_VALUE_TO + RefusalClient.KEYLESS).failure();
        assertTrue(failure.contains("HazelcastSerializationException"), () -> "Hazelcast's exception expected: "
                + failure);
        assertTrue(failure.contains("InvalidClassException") && failure.contains("keyFile"),
                () -> "Ferry's refusal, which says how to configure a key, expected in the cause chain: " + failure);
        assertNotSignedBy(RefusalClient.KEYLESS);
    }

    @Test
    void member_whose_class_filter_rejects_the_client_package_should_refuse_its_task() {
        String failure = outcome(RefusalClient.BY_VALUE_TO + RefusalClient.FILTERING).failure();
        assertTrue(failure.contains("HazelcastSerializationException") && failure.contains("SecurityException")
                && failure.contains(CLIENT_PACKAGE) && failure.contains("is not allowed"),
                () -> "Hazelcast's filter refusal naming the client's class expected: " + failure);
        assertNotSignedBy(RefusalClient.FILTERING);
    }

    @Test
    void member_with_the_key_should_run_the_task_the_others_refuse() {
        outcome(RefusalClient.BY_VALUE_TO + RefusalClient.KEYED).assertAnsweredAsExpected();
        assertEquals(RefusalClient.KEYED + "/jdk" + JDK.feature(),
                outcome(RefusalClient.SIGNED).get("members"), "only the member with the key should have run it");
    }

    @Test
    void member_without_the_key_should_still_run_lambdas_whose_code_it_has() {
        outcome(RefusalClient.SHARED_TO + RefusalClient.KEYLESS).assertAnsweredAsExpected()
                .assertRanOn(RefusalClient.KEYLESS + "/jdk" + JDK.feature());
    }

    @Test
    void member_whose_filter_rejects_the_client_package_should_still_run_lambdas_of_other_packages() {
        outcome(RefusalClient.SHARED_TO + RefusalClient.FILTERING).assertAnsweredAsExpected()
                .assertRanOn(RefusalClient.FILTERING + "/jdk" + JDK.feature());
    }

    @Test
    void members_and_client_should_print_nothing_on_stderr_and_end_normally() {
        for (JvmRun jvm : CLUSTER.get().everyJvm()) {
            jvm.assertSucceeded();
            assertEquals("", jvm.stderr(), jvm::report);
        }
    }

    private static Outcome outcome(String scenario) {
        return CLUSTER.get().outcome(scenario);
    }

    /** The task signs its map when it runs: a refused one must not have. */
    private static void assertNotSignedBy(String member) {
        String signed = outcome(RefusalClient.SIGNED).get("members");
        assertTrue(!signed.contains(member), () -> member + " refused the task, yet it ran there: " + signed);
    }
}
