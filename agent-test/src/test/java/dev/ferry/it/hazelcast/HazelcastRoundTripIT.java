package dev.ferry.it.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.hazelcast.client.RoundTripClient;
import dev.ferry.it.support.KeyFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ferry where users need it: a real Hazelcast cluster of three member JVMs, joined by TCP/IP on loopback, and a
 * {@code HazelcastClient} JVM that uses Hazelcast's own APIs ({@code IExecutorService.submitToMember},
 * {@code submitToAllMembers}, {@code IMap}, {@code EntryProcessor}) with unmodified application code. Members run with
 * {@code -javaagent:ferry-agent.jar=keyFile=KEY}, the client with {@code keyFile=KEY,byValue=dev.ferry.it.hazelcast.client}.
 *
 * <p>A member's class path holds Hazelcast, a generator library and the code deployed on every member
 * ({@code hazelcast.shared}), not the client's own package ({@code hazelcast.client}): the first five tests send code
 * the members have, the others code, helpers and generated classes only the client has, which must cross by value.
 *
 * <p>One cluster per {@link ClusterShape} (JDK 17, JDK 25, and one cluster mixing members on both JDKs), started once
 * for all tests of the shape: 4 JVM launches per shape, 12 in all.
 */
class HazelcastRoundTripIT {

    @TempDir
    static Path files;

    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("ferry.key"),
            KeyFiles.MINIMUM_BYTES));
    private static final Map<ClusterShape, Once<ClusterRun>> CLUSTERS = new EnumMap<>(ClusterShape.class);

    static {
        for (ClusterShape shape : ClusterShape.values()) {
            CLUSTERS.put(shape, Once.of(() -> run(shape)));
        }
    }

    private static ClusterRun run(ClusterShape shape) {
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 0; i < shape.memberJdks().size(); i++) {
            members.add(MemberSpec.withKey(ClusterShape.memberName(i), shape.memberJdks().get(i), KEY.get().toString()));
        }
        return TestCluster.run(members, shape.clientJdk(), "keyFile=" + KEY.get() + ",byValue="
                + RoundTripClient.class.getPackageName(), RoundTripClient.class, files);
    }

    private static Outcome outcome(ClusterShape shape, String scenario) {
        return CLUSTERS.get(shape).get().outcome(scenario);
    }

    // ------------------------------------------------------------------------ code every member has on its class path

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void plain_callable_lambda_should_run_on_each_member_it_is_submitted_to(ClusterShape shape) {
        outcome(shape, RoundTripClient.CALLABLE).assertAnsweredAsExpected().assertRanOn(shape.everyMember());
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void plain_runnable_lambda_submitted_to_all_members_should_run_once_on_each(ClusterShape shape) {
        outcome(shape, RoundTripClient.RUNNABLE).assertAnsweredAsExpected().assertRanOn(shape.everyMember());
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void method_reference_to_a_helper_should_run_on_the_member_it_is_submitted_to(ClusterShape shape) {
        outcome(shape, RoundTripClient.METHOD_REFERENCE).assertAnsweredAsExpected()
                .assertRanOn(shape.answerName(RoundTripClient.METHOD_REFERENCE_TARGET));
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void function_in_a_map_should_be_applied_by_a_member_that_does_not_own_the_entry(ClusterShape shape) {
        outcome(shape, RoundTripClient.MAP_FUNCTION).assertAnsweredAsExpected()
                .assertReadByAMemberOtherThanTheOwner(shape);
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void entry_processor_lambda_should_run_on_the_owner_of_the_key(ClusterShape shape) {
        Outcome outcome = outcome(shape, RoundTripClient.ENTRY_PROCESSOR).assertAnsweredAsExpected();
        outcome.assertRanOn(shape.answerName(outcome.get("owner")));
    }

    // ------------------------------------------------------------------ code, helpers and classes only the client has

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void callable_lambda_of_a_class_only_the_client_has_should_run_on_each_member(ClusterShape shape) {
        outcome(shape, RoundTripClient.CLIENT_CALLABLE).assertAnsweredAsExpected().assertRanOn(shape.everyMember());
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void runnable_lambda_of_a_class_only_the_client_has_should_run_once_on_each_member(ClusterShape shape) {
        outcome(shape, RoundTripClient.CLIENT_RUNNABLE).assertAnsweredAsExpected().assertRanOn(shape.everyMember());
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void method_reference_to_a_helper_only_the_client_has_should_run_on_the_member(ClusterShape shape) {
        outcome(shape, RoundTripClient.CLIENT_METHOD_REFERENCE).assertAnsweredAsExpected()
                .assertRanOn(shape.answerName(RoundTripClient.METHOD_REFERENCE_TARGET));
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void task_class_only_the_client_has_should_run_with_its_helper_on_the_member(ClusterShape shape) {
        outcome(shape, RoundTripClient.CLIENT_TASK_CLASS).assertAnsweredAsExpected()
                .assertRanOn(shape.answerName(RoundTripClient.TASK_CLASS_TARGET));
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void function_of_a_class_only_the_client_has_should_be_applied_from_a_map_on_another_member(ClusterShape shape) {
        outcome(shape, RoundTripClient.CLIENT_MAP_FUNCTION).assertAnsweredAsExpected()
                .assertReadByAMemberOtherThanTheOwner(shape);
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void entry_processor_lambda_of_a_class_only_the_client_has_should_run_on_the_owner_of_the_key(
            ClusterShape shape) {
        Outcome outcome = outcome(shape, RoundTripClient.CLIENT_ENTRY_PROCESSOR).assertAnsweredAsExpected();
        outcome.assertRanOn(shape.answerName(outcome.get("owner")));
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void object_of_a_byte_buddy_class_should_be_read_from_a_map_on_another_member(ClusterShape shape) {
        // the label only the generated subclass returns
        outcome(shape, RoundTripClient.GENERATED_CLASS).assertAnsweredAsExpected()
                .assertReadByAMemberOtherThanTheOwner(shape);
    }

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void generated_specialization_should_be_read_on_another_member_as_its_library_class_there(ClusterShape shape) {
        Outcome outcome = outcome(shape, RoundTripClient.SPECIALIZATION).assertAnsweredAsExpected()
                .assertReadByAMemberOtherThanTheOwner(shape);
        assertEquals("true", outcome.get("more1"), () -> "the member read a Box<Integer> of a class other than the"
                + " one its own library makes for it: " + outcome);
    }

    // -------------------------------------------------------------------------------------------------- operability

    @ParameterizedTest
    @EnumSource(ClusterShape.class)
    void members_and_client_should_print_nothing_on_stderr_and_end_normally(ClusterShape shape) {
        for (JvmRun jvm : CLUSTERS.get(shape).get().everyJvm()) {
            jvm.assertSucceeded();
            assertEquals("", jvm.stderr(), jvm::report);
        }
    }
}
