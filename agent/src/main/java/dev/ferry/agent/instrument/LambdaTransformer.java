package dev.ferry.agent.instrument;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.lambda.CallSiteTables;
import dev.ferry.boot.lambda.LambdaSites;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Arrays;

/**
 * Prepares the lambda call sites of each selected class as it is loaded (or retransformed). Lambda classes themselves
 * are hidden classes, defined without the class-file-load hook, so they never reach a transformer: the classes that
 * capture them are prepared instead.
 *
 * <p>Returns null for every class it leaves alone, decides that before parsing anything, and turns every failure into a
 * counted event: a class Ferry cannot handle is loaded exactly as it is.
 */
public final class LambdaTransformer implements ClassFileTransformer {

    private static final byte[] MARKER = LambdaCallSitePatcher.LAMBDA_METAFACTORY.getBytes(StandardCharsets.UTF_8);
    private static final int[] MARKER_SKIP = skipTableOf(MARKER);

    private final ClassSelection selection;
    private final ModuleAccess moduleAccess;

    public LambdaTransformer(ClassSelection selection, ModuleAccess moduleAccess) {
        this.selection = selection;
        this.moduleAccess = moduleAccess;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        byte[] prepared = transform(loader, className, classBeingRedefined, protectionDomain, classFile);
        if (prepared != null) {
            try {
                moduleAccess.grant(module, className);
            } catch (Throwable failure) {
                // without the read edge the prepared call sites could not link: keep the class as it was
                AgentCounters.transformFailed(className.replace('/', '.'), failure);
                return null;
            }
        }
        return prepared;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || !selection.prepares(loader, className) || !contains(classFile, MARKER)) {
            return null;
        }
        String name = className.replace('/', '.');
        try {
            if (!FerryVisibility.seenBy(loader)) {
                String reason = "its class loader " + loader + " does not resolve Ferry's runtime (dev.ferry.*) to"
                        + " the boot loader's classes; let it delegate dev.ferry.* to the boot loader (OSGi:"
                        + " org.osgi.framework.bootdelegation=dev.ferry.*; JBoss Modules:"
                        + " -Djboss.modules.system.pkgs=dev.ferry)";
                CallSiteTables.unpreparedLoader(loader, reason);
                AgentCounters.classSkipped(name, reason);
                return null;
            }
            LambdaCallSitePatcher.Result prepared =
                    LambdaCallSitePatcher.patch(classFile, addsGate(loader, name, classBeingRedefined));
            if (prepared == null) {
                return null;
            }
            CallSiteTables.register(loader, name, prepared.table, prepared.gated);
            if (classBeingRedefined != null) {
                LambdaSites.redefined(classBeingRedefined);
            }
            AgentCounters.classPrepared(prepared.sites);
            return prepared.classFile;
        } catch (Throwable failure) {
            AgentCounters.transformFailed(name, failure);
            return null;
        }
    }

    /**
     * Whether the class gets the {@code $deserializeLambda$} gate. The JVM lets a class gain methods only as it is
     * loaded; retransforming or redefining it (another agent, a debugger's HotSwap) starts again from its original
     * bytes and refuses a result with another set of methods, so a class that got the gate when loaded gets it again
     * every time, and one that did not (loaded before Ferry, or a JDK combinator prepared by retransformation) never
     * does.
     */
    private static boolean addsGate(ClassLoader loader, String name, Class<?> classBeingRedefined) {
        if (classBeingRedefined == null) {
            return loader != null;
        }
        CallSiteTables.Table known = CallSiteTables.lookup(loader, name);
        return known != null && known.gated();
    }

    /** Whether the class file names {@code LambdaMetafactory}, without which it has no lambda call site. */
    public static boolean mayHaveLambdas(byte[] classFile) {
        return contains(classFile, MARKER);
    }

    /**
     * A class without the constant {@code java/lang/invoke/LambdaMetafactory} has no lambda call site. Every class the
     * application loads passes here, so the search skips ahead by the needle's last byte (Horspool): about one
     * comparison per 30 bytes of class file instead of one per byte.
     */
    static boolean contains(byte[] haystack, byte[] needle) {
        return contains(haystack, needle, needle == MARKER ? MARKER_SKIP : skipTableOf(needle));
    }

    private static boolean contains(byte[] haystack, byte[] needle, int[] skip) {
        int last = needle.length - 1;
        for (int i = 0; i + last < haystack.length; i += skip[haystack[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && haystack[i + j] == needle[j]) {
                j--;
            }
            if (j < 0) {
                return true;
            }
        }
        return false;
    }

    /** How far the search may move when the byte under the needle's last position is b. */
    private static int[] skipTableOf(byte[] needle) {
        int[] skip = new int[256];
        Arrays.fill(skip, needle.length);
        for (int i = 0; i < needle.length - 1; i++) {
            skip[needle[i] & 0xFF] = needle.length - 1 - i;
        }
        return skip;
    }
}
