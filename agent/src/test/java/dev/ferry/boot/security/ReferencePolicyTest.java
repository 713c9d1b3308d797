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
        assertEquals("jdk.internal.* (jdk.internal.misc.Unsafe)",
                DEFAULT.firstDenied(List.of("jdk/internal/misc/Unsafe"), List.of()));
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
        for (String malformed : new String[] {"java.lang.*#*", "java.lang.Thread+#stop", "java.lang.*+", "#x"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ReferencePolicy.of(List.of(malformed), List.of()));

            assertTrue(refused.getMessage().contains(malformed), refused.getMessage());
        }
    }

    @Test
    void access_checks_should_be_denied_whatever_reflective_class_the_call_goes_through() {
        for (String owner : new String[] {"AccessibleObject", "Executable", "Method", "Constructor", "Field"}) {
            assertEquals("java.lang.reflect.*#setAccessible (java.lang.reflect." + owner + "#setAccessible)",
                    DEFAULT.firstDenied(List.of(), List.of("java/lang/reflect/" + owner + "#setAccessible")));
            assertEquals("java.lang.reflect.*#trySetAccessible (java.lang.reflect." + owner + "#trySetAccessible)",
                    DEFAULT.firstDenied(List.of(), List.of("java/lang/reflect/" + owner + "#trySetAccessible")));
        }
    }

    @Test
    void any_class_loader_subclass_should_be_denied_as_the_resolver_sees_it() {
        String byteBuddyLoader = "net/bytebuddy/dynamic/loading/ByteArrayClassLoader";
        ReferencePolicy.Subtypes loaders = (type, supertype) -> type.equals(byteBuddyLoader)
                && supertype.equals("java/lang/ClassLoader");

        assertEquals("java.lang.ClassLoader+ (net.bytebuddy.dynamic.loading.ByteArrayClassLoader#<init>)",
                DEFAULT.firstDenied(List.of(), List.of(byteBuddyLoader + "#<init>"), loaders));
        assertEquals("java.lang.ClassLoader+ (net.bytebuddy.dynamic.loading.ByteArrayClassLoader)",
                DEFAULT.firstDenied(List.of(byteBuddyLoader), List.of(), loaders));
        assertNull(DEFAULT.firstDenied(List.of(byteBuddyLoader), List.of(byteBuddyLoader + "#<init>")),
                "without a resolver, a + rule knows the class itself only");
    }

    @Test
    void code_by_name_and_interpreters_should_be_denied() {
        assertEquals("javax.management.loading.* (javax.management.loading.MLet#<init>)",
                DEFAULT.firstDenied(List.of(), List.of("javax/management/loading/MLet#<init>")));
        assertEquals("java.beans.Statement", DEFAULT.firstDenied(List.of("java/beans/Statement"), List.of()));
        assertEquals("java.beans.Expression", DEFAULT.firstDenied(List.of("java/beans/Expression"), List.of()));
        assertEquals("java.beans.EventHandler", DEFAULT.firstDenied(List.of("java/beans/EventHandler"), List.of()));
        assertEquals("javax.script.* (javax.script.ScriptEngineManager)", DEFAULT.firstDenied(List.of("javax/script/ScriptEngineManager"), List.of()));
        assertEquals("javax.naming.* (javax.naming.InitialContext)", DEFAULT.firstDenied(List.of("javax/naming/InitialContext"), List.of()));
        assertEquals("java.lang.reflect.Method#invoke (java.lang.reflect.Method#invoke)",
                DEFAULT.firstDenied(List.of(), List.of("java/lang/reflect/Method#invoke")));
        assertEquals("java.lang.invoke.MethodHandles#lookup (java.lang.invoke.MethodHandles#lookup)",
                DEFAULT.firstDenied(List.of(), List.of("java/lang/invoke/MethodHandles#lookup")));
    }
}
