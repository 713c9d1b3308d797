package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.boot.diagnostics.AgentCounters;
import example.fixtures.NoLambdas;
import example.fixtures.OnlySerializableLambdas;
import example.fixtures.PlainLambdas;
import dev.ferry.boot.lambda.LambdaSiteTables;
import dev.ferry.boot.lambda.SymbolicCallSite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaTransformerTest {

    private static final String FERRY = "dev/ferry/boot/lambda/LambdaBootstrap.metafactory";
    private static final String JDK_ALT = "java/lang/invoke/LambdaMetafactory.altMetafactory";

    private final ClassLoader loader = new ClassLoader(null) { };
    private final LambdaTransformer transformer = new LambdaTransformer(new ClassSelection(List.of(), List.of()),
                new ModuleAccess(null, null));

    private byte[] transform(Class<?> type, byte[] classFile) {
        return transformer.transform(loader, type.getName().replace('.', '/'), null, null, classFile);
    }

    @Test
    void plain_lambdas_should_link_through_ferry_and_serializable_ones_keep_the_jdk_form() {
        byte[] prepared = transform(PlainLambdas.class, ClassFiles.of(PlainLambdas.class));

        assertNotNull(prepared);
        List<String> lambdaBootstraps = ClassFiles.bootstrapsOf(prepared);
        lambdaBootstraps.removeIf(b -> !b.equals(FERRY) && !b.equals(JDK_ALT));
        // three plain lambdas; the serializable one and javac's $deserializeLambda$ keep the JDK's bootstrap
        assertEquals(List.of(FERRY, FERRY, FERRY, JDK_ALT, JDK_ALT), lambdaBootstraps);
    }

    @Test
    void prepared_class_should_register_its_call_site_table_under_its_loader() {
        transform(PlainLambdas.class, ClassFiles.of(PlainLambdas.class));

        SymbolicCallSite[] sites = LambdaSiteTables.lookup(loader, PlainLambdas.class.getName());
        assertEquals(3, sites.length);
        assertEquals("adder", sites[0].enclosingMethod());
        assertEquals("java.lang.String.length", sites[2].implementation());
        assertNull(LambdaSiteTables.lookup(ClassLoader.getSystemClassLoader(), PlainLambdas.class.getName()));
    }

    @Test
    void class_with_only_serializable_lambdas_should_be_left_alone() {
        assertNull(transform(OnlySerializableLambdas.class, ClassFiles.of(OnlySerializableLambdas.class)));
    }

    @Test
    void class_without_lambdas_should_be_left_alone() {
        assertNull(transform(NoLambdas.class, ClassFiles.of(NoLambdas.class)));
    }

    @Test
    void malformed_class_file_should_be_left_untouched_and_counted() {
        byte[] garbage = ("\u00ca\u00fe\u00ba\u00be garbage java/lang/invoke/LambdaMetafactory")
                .getBytes(StandardCharsets.ISO_8859_1);
        long before = AgentCounters.snapshot().get("transform.failures");

        assertNull(transform(NoLambdas.class, garbage));
        assertEquals(before + 1, AgentCounters.snapshot().get("transform.failures"));
        assertTrue(AgentCounters.recentErrors().get(AgentCounters.recentErrors().size() - 1)
                .startsWith("transform example.fixtures.NoLambdas"));
    }

    @Test
    void unknown_class_file_version_should_be_left_untouched_and_counted() {
        byte[] future = ClassFiles.of(PlainLambdas.class);
        future[7] = 99; // major version 99: no ASM can promise to understand it
        byte[] copy = future.clone();
        long before = AgentCounters.snapshot().get("transform.failures");

        assertNull(transform(PlainLambdas.class, future));
        assertEquals(before + 1, AgentCounters.snapshot().get("transform.failures"));
        assertArrayEquals(copy, future, "the transformer must not modify the bytes it was given");
    }
}
