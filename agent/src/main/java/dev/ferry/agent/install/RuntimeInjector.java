package dev.ferry.agent.install;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines Ferry's runtime packages (the classes prepared code calls) in the bootstrap class loader, so that a prepared
 * class of any loader, {@code java.base} included, resolves them. The rest of the agent (options, transformer, ASM)
 * stays in the agent's own loader, out of the application's sight.
 *
 * <p>Why not {@code Instrumentation.appendToBootstrapClassLoaderSearch}: appending to the boot class path disables
 * class-data sharing for application classes and makes JDK 17 and 25 print "Sharing is only supported for boot loader
 * classes because bootstrap classpath has been appended" on the application's output. Ferry must be silent.
 */
final class RuntimeInjector {

    /** The packages defined in the boot loader; they use {@code java.base} only (checked by a test). */
    static final List<String> BOOT_PACKAGES = List.of("dev/ferry/boot/", "dev/ferry/api/");

    private RuntimeInjector() {
    }

    /** Defines every boot package class found in {@code agentJar}; does nothing when they are defined already. */
    static void inject(Instrumentation instrumentation, JarFile agentJar) throws Exception {
        if (isDefinedInBootLoader()) {
            return;
        }
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(),
                Map.of("jdk.internal.misc", Set.of(RuntimeInjector.class.getModule())), Map.of(), Set.of(), Map.of());
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        // a method handle, not Method.invoke: a hundred reflective calls would have the JDK generate an accessor class
        MethodHandle define = MethodHandles.lookup().findVirtual(unsafeType, "defineClass",
                MethodType.methodType(Class.class, String.class, byte[].class, int.class, int.class,
                        ClassLoader.class, ProtectionDomain.class)).bindTo(unsafe);
        Deque<Object[]> pending = new ArrayDeque<>(); // {binary name, class bytes}
        for (JarEntry entry : bootEntries(agentJar)) {
            try (InputStream in = agentJar.getInputStream(entry)) {
                String name = entry.getName().substring(0, entry.getName().length() - ".class".length());
                // the exact size when the jar tells it: one array, no buffer grown and copied
                byte[] bytes = entry.getSize() >= 0 ? in.readNBytes((int) entry.getSize()) : in.readAllBytes();
                pending.add(new Object[] {name.replace('/', '.'), bytes});
            }
        }
        int failuresInARow = 0;
        while (!pending.isEmpty() && failuresInARow <= pending.size()) {
            Object[] next = pending.removeFirst();
            byte[] bytes = (byte[]) next[1];
            try {
                define.invoke((String) next[0], bytes, 0, bytes.length, (ClassLoader) null, (ProtectionDomain) null);
                failuresInARow = 0;
            } catch (RuntimeException | VirtualMachineError e) {
                throw e;
            } catch (LinkageError e) {
                // a supertype of this class is not defined yet: try again after the others
                pending.addLast(next);
                failuresInARow++;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot define " + next[0] + " in the boot loader", e);
            }
        }
        if (!pending.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Object[] left : pending) {
                names.append(names.length() == 0 ? "" : ", ").append(left[0]);
            }
            throw new IllegalStateException("cannot define Ferry's runtime classes in the boot loader: " + names);
        }
    }

    private static boolean isDefinedInBootLoader() {
        try {
            Class.forName("dev.ferry.boot.lambda.LambdaLinking", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Deque<JarEntry> bootEntries(JarFile agentJar) throws IOException {
        Deque<JarEntry> entries = new ArrayDeque<>();
        Enumeration<JarEntry> all = agentJar.entries();
        while (all.hasMoreElements()) {
            JarEntry entry = all.nextElement();
            if (entry.getName().endsWith(".class") && isBootClass(entry.getName())) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static boolean isBootClass(String entryName) {
        for (String prefix : BOOT_PACKAGES) {
            if (entryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
