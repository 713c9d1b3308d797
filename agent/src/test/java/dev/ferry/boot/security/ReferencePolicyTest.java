package dev.ferry.boot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencePolicyTest {

    private static final ReferencePolicy DEFAULT = ReferencePolicy.of(List.of(), List.of());

    @Test
    void runtime_exec_call_should_be_denied_by_default() {
        String denied = DEFAULT.firstDenied(List.of("java/lang/Runtime"), List.of("java/lang/Runtime#exec"));

        assertEquals("java.lang.Runtime#exec (java.lang.Runtime#exec)", denied);
    }

    @Test
    void class_constant_of_a_whole_class_rule_should_be_denied() {
        assertEquals("java.lang.ProcessBuilder", DEFAULT.firstDenied(List.of("java/lang/ProcessBuilder"), List.of()));
        assertEquals("jdk.internal.*", DEFAULT.firstDenied(List.of("jdk/internal/misc/Unsafe"), List.of()));
    }

    @Test
    void lookup_class_constant_alone_should_pass_because_javac_writes_it_for_every_lambda() {
        assertNull(DEFAULT.firstDenied(List.of("java/lang/invoke/MethodHandles$Lookup", "java/lang/Runtime"),
                List.of("java/lang/invoke/LambdaMetafactory#metafactory", "java/lang/Runtime#getRuntime",
                        "java/lang/Runtime#availableProcessors")));
    }

    @Test
    void lookup_member_should_be_denied() {
        String denied = DEFAULT.firstDenied(List.of(), List.of("java/lang/invoke/MethodHandles$Lookup#findStatic"));

        assertTrue(denied.startsWith("java.lang.invoke.MethodHandles$Lookup#*"), denied);
    }

    @Test
    void allowed_rule_should_be_lifted_and_extra_rule_added() {
        ReferencePolicy policy = ReferencePolicy.of(List.of("java.lang.Thread#stop"), List.of("java.lang.Runtime#exec"));

        assertNull(policy.firstDenied(List.of(), List.of("java/lang/Runtime#exec")));
        assertEquals("java.lang.System#exit (java.lang.System#exit)",
                policy.firstDenied(List.of(), List.of("java/lang/System#exit")));
        assertEquals("java.lang.Thread#stop (java.lang.Thread#stop)",
                policy.firstDenied(List.of(), List.of("java/lang/Thread#stop")));
    }

    @Test
    void malformed_rule_should_be_refused_by_name() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReferencePolicy.of(List.of("java.lang.*#exec"), List.of()));

        assertTrue(refused.getMessage().contains("java.lang.*#exec"), refused.getMessage());
    }
}
