package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.lambda.CallSiteTables;
import dev.ferry.boot.lambda.SymbolicCallSite;
import example.fixtures.NoLambdas;
import example.fixtures.OnlySerializableLambdas;
import example.fixtures.PlainLambdas;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaTransformerTest {

    private static final String FERRY = "dev/ferry/boot/lambda/LambdaBootstrap.metafactory";
    private static final String JDK_ALT = "java/lang/invoke/LambdaMetafactory.altMetafactory";

    /** A loader that sees Ferry's runtime, as every delegating loader does. */
    private final ClassLoader loader = new ClassLoader(LambdaTransformerTest.class.getClassLoader()) { };
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
    void preparing_should_only_repoint_bootstrap_constants_and_add_the_gate() {
        byte[] original = ClassFiles.of(PlainLambdas.class);
        byte[] prepared = transform(PlainLambdas.class, original);

        List<String> methods = ClassFiles.methodsOf(prepared);
        List<String> expected = new java.util.ArrayList<>(ClassFiles.methodsOf(original));
        expected.replaceAll(m -> m.equals("$deserializeLambda$") ? "$deserializeLambda$javac" : m);
        expected.add("$deserializeLambda$");
        assertEquals(expected, methods, "javac's deserializer is renamed and chained, nothing else changes");
        assertEquals(ClassFiles.instructionsOf(original), ClassFiles.instructionsOf(prepared).subList(0,
                ClassFiles.instructionsOf(original).size()), "no instruction of the original methods changes");
    }

    @Test
    void prepared_class_should_register_its_call_site_table_under_its_loader() {
        transform(PlainLambdas.class, ClassFiles.of(PlainLambdas.class));

        CallSiteTables.Table table = CallSiteTables.lookup(loader, PlainLambdas.class.getName());
        List<SymbolicCallSite> sites = table.decode().sites();
        assertEquals(3, sites.size());
        assertEquals("lambda$adder$0", sites.get(0).implName());
        assertEquals("java.lang.String.length", sites.get(2).implementation());
        assertEquals(1, table.decode().javacKeys().size(), "the javac-serializable call site is known, not prepared");
        assertTrue(table.gated());
        assertNull(CallSiteTables.lookup(ClassLoader.getSystemClassLoader(), PlainLambdas.class.getName()));
    }

    @Test
    void retransforming_a_class_prepared_at_load_should_give_it_the_same_bytes() {
        byte[] original = ClassFiles.of(PlainLambdas.class);
        byte[] atLoad = transform(PlainLambdas.class, original);

        byte[] retransformed = transformer.transform(loader, PlainLambdas.class.getName().replace('.', '/'),
                PlainLambdas.class, null, original);

        assertArrayEquals(atLoad, retransformed, "another agent's retransformation must see the same methods again");
    }

    @Test
    void retransforming_a_class_loaded_before_ferry_should_add_no_method() {
        ClassLoader earlier = new ClassLoader(LambdaTransformerTest.class.getClassLoader()) { };
        byte[] original = ClassFiles.of(PlainLambdas.class);

        byte[] retransformed = transformer.transform(earlier, PlainLambdas.class.getName().replace('.', '/'),
                PlainLambdas.class, null, original);

        assertEquals(ClassFiles.methodsOf(original), ClassFiles.methodsOf(retransformed));
        assertFalse(CallSiteTables.lookup(earlier, PlainLambdas.class.getName()).gated());
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
        future[7] = 99; // major version 99: its constant pool may hold constants no reader of today knows
        byte[] copy = future.clone();
        long before = AgentCounters.snapshot().get("transform.failures");

        assertNull(transform(PlainLambdas.class, future));
        assertEquals(before + 1, AgentCounters.snapshot().get("transform.failures"));
        assertArrayEquals(copy, future, "the transformer must not modify the bytes it was given");
    }

    @Test
    void class_of_a_loader_that_cannot_see_ferry_should_be_left_untouched_and_counted() {
        ClassLoader strict = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("java.")) {
                    throw new ClassNotFoundException(name); // delegates java.* only, as OSGi does by default
                }
                return super.loadClass(name, resolve);
            }
        };
        long before = AgentCounters.snapshot().get("classes.skipped");

        assertNull(transformer.transform(strict, PlainLambdas.class.getName().replace('.', '/'), null, null,
                ClassFiles.of(PlainLambdas.class)));
        assertEquals(before + 1, AgentCounters.snapshot().get("classes.skipped"));
    }

    @Test
    void marker_search_should_find_the_needle_anywhere_and_nothing_else() {
        byte[] needle = "java/lang/invoke/LambdaMetafactory".getBytes(StandardCharsets.UTF_8);
        for (String haystack : List.of("java/lang/invoke/LambdaMetafactory", "xjava/lang/invoke/LambdaMetafactory",
                "..java/lang/invoke/LambdaMetafactory..", "java/lang/invoke/LambdaMetafactor java/lang/invoke/"
                + "LambdaMetafactory")) {
            assertTrue(LambdaTransformer.contains(haystack.getBytes(StandardCharsets.UTF_8), needle), haystack);
        }
        for (String haystack : List.of("", "java", "java/lang/invoke/LambdaMetafactor",
                "ava/lang/invoke/LambdaMetafactory", "java/lang/invoke/LambdaMetafactorY",
                "java/lang/invoke/StringConcatFactory java/lang/invoke/LambdaForm")) {
            assertFalse(LambdaTransformer.contains(haystack.getBytes(StandardCharsets.UTF_8), needle), haystack);
        }
        byte[] high = new byte[300];
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) (0x80 + i % 128); // bytes above 127 index the skip table as unsigned
        }
        assertFalse(LambdaTransformer.contains(high, needle));
        assertTrue(LambdaTransformer.mayHaveLambdas(ClassFiles.of(PlainLambdas.class)));
        assertFalse(LambdaTransformer.mayHaveLambdas(ClassFiles.of(NoLambdas.class)));
    }
}
