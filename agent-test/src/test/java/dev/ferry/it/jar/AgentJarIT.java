package dev.ferry.it.jar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ItSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The one artifact users attach: a self-contained agent jar whose third-party code is relocated under Ferry's
 * package, so that it can never clash with the application's own ASM or Byte Buddy. No JVM launch.
 */
class AgentJarIT {

    @Test
    void manifest_should_declare_the_agent_entry_points_and_capabilities() throws IOException {
        try (JarFile jar = new JarFile(ItSettings.agentJar().toFile())) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest, "the agent jar has no manifest");
            Attributes main = manifest.getMainAttributes();
            assertAll(
                    () -> assertClassEntry(jar, main.getValue("Premain-Class"), "Premain-Class"),
                    () -> assertClassEntry(jar, main.getValue("Agent-Class"), "Agent-Class"),
                    () -> assertEquals("true", main.getValue("Can-Retransform-Classes"), "Can-Retransform-Classes"),
                    () -> assertEquals("true", main.getValue("Can-Redefine-Classes"), "Can-Redefine-Classes"));
        }
    }

    @Test
    void every_entry_should_live_under_dev_ferry_or_meta_inf() throws IOException {
        List<String> strays = new ArrayList<>();
        for (String name : entryNames()) {
            boolean allowed = name.startsWith("dev/ferry/") || name.startsWith("META-INF/")
                    // the directory entries that lead to dev/ferry/
                    || name.equals("dev/");
            if (!allowed) {
                strays.add(name);
            }
        }
        assertEquals(List.of(), strays, "entries outside dev/ferry/ and META-INF/ (directories included)");
    }

    @Test
    void no_unrelocated_asm_or_byte_buddy_path_should_remain() throws IOException {
        List<String> unrelocated = entryNames().stream()
                .filter(name -> name.contains("org/objectweb/") || name.contains("net/bytebuddy/")).toList();
        assertEquals(List.of(), unrelocated);
    }

    @Test
    void no_class_should_still_refer_to_asm_or_byte_buddy_by_their_original_names() throws IOException {
        // a reference the shade plugin did not rewrite fails only when that code path runs, in a user's JVM
        List<String> referring = new ArrayList<>();
        try (JarFile jar = new JarFile(ItSettings.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class") && refersToUnrelocatedNames(jar, entry)) {
                    referring.add(entry.getName());
                }
            }
        }
        assertEquals(List.of(), referring);
    }

    private static boolean refersToUnrelocatedNames(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return bytes.contains("org/objectweb/asm/") || bytes.contains("net/bytebuddy/");
        }
    }

    private static void assertClassEntry(JarFile jar, String className, String attribute) {
        assertNotNull(className, attribute + " is missing");
        String entry = className.trim().replace('.', '/') + ".class";
        assertNotNull(jar.getEntry(entry), attribute + " names " + className + ", which the jar does not contain");
        assertTrue(className.trim().startsWith("dev.ferry."), attribute + " should be a Ferry class: " + className);
    }

    private static List<String> entryNames() throws IOException {
        try (JarFile jar = new JarFile(ItSettings.agentJar().toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
