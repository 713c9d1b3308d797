package dev.ferry.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.SourceCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lambdas of a class in a named module, which opens none of its packages: Ferry reads the class's call sites and opens
 * its package to Ferry's runtime only when a lambda is first written or read, so a writer JVM and a reader JVM (JDK 17
 * and 25, both with the module on the module path) pass a capturing lambda and a method reference of the module.
 */
class NamedModuleIT {

    private static final String MODULE = "module m.trip { exports com.acme; }";
    private static final String TRIP = """
            package com.acme;

            import java.io.*;
            import java.util.function.*;

            public final class Trip {
                private static int twice(int x) {
                    return 2 * x;
                }

                public static void main(String[] args) throws Exception {
                    if (args[0].equals("write")) {
                        int k = 7;
                        IntUnaryOperator scaled = x -> x * k;
                        IntUnaryOperator doubled = Trip::twice;
                        try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(args[1]))) {
                            out.writeObject(scaled);
                            out.writeObject(doubled);
                        }
                        System.out.println("WRITTEN");
                    } else {
                        try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(args[1]))) {
                            IntUnaryOperator scaled = (IntUnaryOperator) in.readObject();
                            IntUnaryOperator doubled = (IntUnaryOperator) in.readObject();
                            System.out.println("READ " + scaled.applyAsInt(6) + " " + doubled.applyAsInt(21)
                                    + " " + scaled.getClass().getModule().getName());
                        }
                    }
                }
            }
            """;

    @TempDir
    static Path files;

    private static final Once<Path> MODULE_DIRECTORY = Once.of(() -> SourceCompiler.compileInto(
            Map.of("module-info", MODULE, "com.acme.Trip", TRIP), files.resolve("m.trip")));

    @ParameterizedTest(name = "{0}")
    @EnumSource(Jdk.class)
    void lambdas_of_a_named_module_should_travel_between_jvms(Jdk jdk) {
        Path stream = files.resolve("trip-" + jdk.feature() + ".bin");
        JvmRun writer = run(jdk, "write", stream);
        JvmRun reader = run(jdk, "read", stream);

        assertEquals(List.of("WRITTEN"), writer.stdoutLines(), writer::report);
        assertEquals(List.of("READ 42 42 m.trip"), reader.stdoutLines(), reader::report);
    }

    private static JvmRun run(Jdk jdk, String mode, Path stream) {
        return ForkedJvm.on(jdk).withFerry()
                .jvmOption("--module-path=" + MODULE_DIRECTORY.get())
                .jvmOption("--add-modules=m.trip")
                .main(NamedModuleLauncher.class, mode, stream.toString()).run().assertSucceeded();
    }
}
