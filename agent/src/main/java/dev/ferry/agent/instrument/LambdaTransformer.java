package dev.ferry.agent.instrument;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.lambda.LambdaSiteTables;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Prepares the lambda call sites of each selected class as it is loaded (or retransformed). Lambda classes themselves
 * are hidden classes and never reach a transformer (DESIGN.md fact 1), so the capturing classes are rewritten instead.
 *
 * <p>Returns null for every class it leaves alone, decides that before parsing anything, and turns every failure into a
 * counted event: a class Ferry cannot handle is loaded exactly as it is.
 */
public final class LambdaTransformer implements ClassFileTransformer {

    private static final byte[] MARKER = LambdaCallSiteRewriter.LAMBDA_METAFACTORY.getBytes(StandardCharsets.UTF_8);

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
        try {
            LambdaCallSiteRewriter.Result prepared =
                    LambdaCallSiteRewriter.rewrite(classFile, mayAddMethods(loader, classBeingRedefined));
            if (prepared == null) {
                return null;
            }
            LambdaSiteTables.register(loader, className.replace('/', '.'), prepared.sites);
            AgentCounters.classPrepared(prepared.sites.length);
            return prepared.classFile;
        } catch (Throwable failure) {
            AgentCounters.transformFailed(className.replace('/', '.'), failure);
            return null;
        }
    }

    /**
     * Retransformation starts again from the class's original bytes and may not add methods (JVMTI), so a class that
     * may be retransformed (the JDK combinators, loaded by the boot loader) never gets any: both ways give it the same
     * shape, and retransforming it after it was prepared at load time does not "delete" a method.
     */
    private static boolean mayAddMethods(ClassLoader loader, Class<?> classBeingRedefined) {
        return loader != null && classBeingRedefined == null;
    }

    /** Whether the class file names {@code LambdaMetafactory}, without which it has no lambda call site. */
    public static boolean mayHaveLambdas(byte[] classFile) {
        return contains(classFile, MARKER);
    }

    /** A class without the constant {@code java/lang/invoke/LambdaMetafactory} has no lambda call site. */
    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
