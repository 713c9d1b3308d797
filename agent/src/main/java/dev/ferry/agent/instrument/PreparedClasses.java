package dev.ferry.agent.instrument;

import dev.ferry.boot.byvalue.GeneratedClasses;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.lambda.CallSiteSource;
import dev.ferry.boot.lambda.CallSiteTables;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;

/**
 * Which application classes Ferry prepares, and their call-site tables, read from their class files when the runtime
 * first needs one: the bytes recorded as a generated class was defined, else the class file its loader finds for it,
 * else the bytes the JVM holds (taken by a retransformation that changes nothing; also after a redefinition).
 */
public final class PreparedClasses implements CallSiteSource {

    private final ClassSelection selection;
    private final ModuleAccess moduleAccess;
    private final Instrumentation instrumentation;

    public PreparedClasses(ClassSelection selection, ModuleAccess moduleAccess, Instrumentation instrumentation) {
        this.selection = selection;
        this.moduleAccess = moduleAccess;
        this.instrumentation = instrumentation;
    }

    @Override
    public boolean prepares(Class<?> capturingClass) {
        ClassLoader loader = capturingClass.getClassLoader();
        String internalName = capturingClass.getName().replace('.', '/');
        if (!selection.prepares(loader, internalName)) {
            return false;
        }
        if (!FerryVisibility.seenBy(loader)) {
            String reason = "its class loader " + loader + " does not resolve Ferry's runtime (dev.ferry.*) to"
                    + " the boot loader's classes; let it delegate dev.ferry.* to the boot loader (OSGi:"
                    + " org.osgi.framework.bootdelegation=dev.ferry.*; JBoss Modules:"
                    + " -Djboss.modules.system.pkgs=dev.ferry)";
            CallSiteTables.unpreparedLoader(loader, reason);
            AgentCounters.classSkipped(capturingClass.getName(), reason);
            return false;
        }
        return true;
    }

    @Override
    public byte[] table(Class<?> capturingClass, boolean redefined) {
        byte[] classFile = redefined ? ClassFileCapture.of(instrumentation, capturingClass) : classFile(capturingClass);
        byte[] table;
        try {
            table = CallSiteScanner.table(classFile);
        } catch (ClassFormatError | RuntimeException unreadable) {
            throw new IllegalStateException("its class file cannot be read: " + unreadable, unreadable);
        }
        if (table != null) {
            // a reader looks up the lambda bodies and defines wire classes in the class's package
            moduleAccess.grant(capturingClass.getModule(), capturingClass.getName().replace('.', '/'));
        }
        return table;
    }

    private byte[] classFile(Class<?> type) {
        byte[] recorded = GeneratedClasses.bytesOf(type);
        if (recorded != null) {
            return recorded;
        }
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException | RuntimeException notReadable) {
            // taken from the JVM below
        }
        return ClassFileCapture.of(instrumentation, type);
    }
}
