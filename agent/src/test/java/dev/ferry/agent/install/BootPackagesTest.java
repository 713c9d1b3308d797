package dev.ferry.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.ClassWriter;
import org.junit.jupiter.api.Test;

/**
 * The classes defined in the boot loader can see only {@code java.base} and each other: a reference to anything else
 * (ASM, the agent's own instrument or config packages, java.logging...) would fail at run time in the application.
 */
class BootPackagesTest {

    private static final Path CLASSES = Paths.get("target", "classes");

    @Test
    void boot_packages_should_reference_only_java_base_and_each_other() throws IOException {
        Set<String> javaBase = Object.class.getModule().getPackages();
        Set<String> outside = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(file -> {
                String entry = CLASSES.relativize(file).toString().replace('\\', '/');
                if (RuntimeInjector.isBootClass(entry)) {
                    for (String type : referencedTypes(file)) {
                        String pkg = type.contains("/") ? type.substring(0, type.lastIndexOf('/')) : "";
                        if (!javaBase.contains(pkg.replace('/', '.')) && !RuntimeInjector.isBootClass(type + ".class")) {
                            outside.add(entry + " -> " + type);
                        }
                    }
                }
            });
        }
        assertEquals(Set.of(), outside);
    }

    @Test
    void agent_side_packages_should_not_be_defined_in_the_boot_loader() {
        assertFalse(RuntimeInjector.isBootClass("dev/ferry/agent/instrument/LambdaTransformer.class"));
        assertFalse(RuntimeInjector.isBootClass("dev/ferry/agent/install/AgentInstaller.class"));
        assertFalse(RuntimeInjector.isBootClass("dev/ferry/agent/FerryAgent.class"));
    }

    private static Set<String> referencedTypes(Path classFile) {
        Set<String> types = new TreeSet<>();
        try {
            ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
            reader.accept(new ClassRemapper(new ClassWriter(0), new Remapper() {
                @Override
                public String map(String internalName) {
                    types.add(internalName.startsWith("[") ? internalName : internalName);
                    return internalName;
                }
            }), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        types.removeIf(t -> t.startsWith("["));
        return types;
    }
}
