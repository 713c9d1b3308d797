package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** A class's call-site table, read from its class file, and which classes Ferry prepares. */
class CallSiteScannerTest {

    private static List<SymbolicCallSite> sitesOf(byte[] table) {
        CallSiteTables.register(null, "scanned", table);
        return CallSiteTables.lookup(null, "scanned").decode().sites();
    }

    @Test
    void plain_lambdas_should_be_ferry_call_sites_in_constant_pool_order_and_serializable_ones_javac_keys() {
        byte[] table = CallSiteScanner.table(ClassFiles.of(PlainLambdas.class));

        List<SymbolicCallSite> sites = sitesOf(table);
        assertEquals(3, sites.size());
        assertEquals("lambda$adder$0", sites.get(0).implName());
        assertEquals("java.lang.String.length", sites.get(2).implementation());
        assertEquals(1, CallSiteTables.lookup(null, "scanned").decode().javacKeys().size(),
                "the javac-serializable call site is known apart: it keeps the JDK's serial form");
    }

    @Test
    void class_with_only_serializable_lambdas_or_none_should_have_no_table() {
        assertNull(CallSiteScanner.table(ClassFiles.of(OnlySerializableLambdas.class)));
        assertNull(CallSiteScanner.table(ClassFiles.of(NoLambdas.class)));
    }

    @Test
    void malformed_or_future_class_files_should_be_refused() {
        byte[] garbage = ("\u00ca\u00fe\u00ba\u00be garbage java/lang/invoke/LambdaMetafactory")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] future = ClassFiles.of(PlainLambdas.class);
        future[7] = 99; // major version 99: its constant pool may hold constants no reader of today knows

        assertThrows(ClassFormatError.class, () -> CallSiteScanner.table(garbage));
        assertThrows(ClassFormatError.class, () -> CallSiteScanner.table(future));
    }

    @Test
    void classes_of_a_loader_that_cannot_see_ferry_should_not_be_prepared_and_be_counted() throws Exception {
        ClassLoader strict = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("java.") && !name.startsWith("example.")) {
                    throw new ClassNotFoundException(name); // delegates java.* only, as OSGi does by default
                }
                if (name.startsWith("example.")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded != null) {
                            return loaded;
                        }
                        byte[] bytes = ClassFiles.of(PlainLambdas.class);
                        return defineClass(name, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        Class<?> isolated = strict.loadClass(PlainLambdas.class.getName());
        PreparedClasses prepared = new PreparedClasses(new ClassSelection(List.of(), List.of()),
                new ModuleAccess(null, null), null);
        long before = AgentCounters.snapshot().get("classes.skipped");

        assertTrue(prepared.prepares(PlainLambdas.class), "a loader that delegates to the boot loader sees Ferry");
        assertEquals(false, prepared.prepares(isolated));
        assertEquals(before + 1, AgentCounters.snapshot().get("classes.skipped"));
        assertTrue(CallSiteTables.whyUnprepared(strict).contains("org.osgi.framework.bootdelegation=dev.ferry.*"));
    }

    @Test
    void table_should_be_read_from_the_class_file_its_loader_finds() {
        PreparedClasses prepared = new PreparedClasses(new ClassSelection(List.of(), List.of()),
                new ModuleAccess(null, null), null);

        assertEquals(3, sitesOf(prepared.table(PlainLambdas.class, false)).size());
        assertNull(prepared.table(NoLambdas.class, false));
        IllegalStateException noJvm = assertThrows(IllegalStateException.class,
                () -> prepared.table(PlainLambdas.class, true));
        assertTrue(noJvm.getMessage().contains("not modifiable"), noJvm::getMessage);
    }
}
