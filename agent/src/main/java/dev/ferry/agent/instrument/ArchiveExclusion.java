package dev.ferry.agent.instrument;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * Only in a run that records a class-data archive (an AOT cache, a CDS archive): hands the JVM a copy of the class file
 * of every class Ferry prepares that has call sites of Ferry's ({@link CallSiteScanner}). The JVM leaves a class a transformer handed it out of the
 * archive, so such a class is loaded from its jar in every later run and its lambdas link there, through Ferry's hook;
 * archived, its call sites would come linked from the archive, as the training run's JVM linked them, and stay plain
 * JDK lambdas. The copy is byte for byte the class file: nothing about the class changes. The JDK interfaces whose
 * combinators Ferry prepares were loaded before any agent; they are retransformed through this transformer
 * ({@link #excludeLoadedCombinators}), which the JVM also keeps out of the archive.
 */
public final class ArchiveExclusion implements ClassFileTransformer {

    private final ClassSelection selection;

    public ArchiveExclusion(ClassSelection selection) {
        this.selection = selection;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || !selection.prepares(loader, className) || !hasFerryCallSites(classFile)) {
            return null;
        }
        return classFile.clone();
    }

    /** Whether the class has a call site Ferry makes serializable; a class file Ferry cannot read is kept out too. */
    private static boolean hasFerryCallSites(byte[] classFile) {
        try {
            return CallSiteScanner.table(classFile) != null;
        } catch (ClassFormatError | RuntimeException unreadable) {
            return true;
        }
    }

    /** Loads the JDK combinator interfaces (not initialized) and retransforms them, so that none is archived. */
    public static void excludeLoadedCombinators(Instrumentation instrumentation) {
        List<Class<?>> combinators = new ArrayList<>();
        for (String internalName : ClassSelection.JDK_COMBINATORS) {
            try {
                combinators.add(Class.forName(internalName.replace('/', '.'), false, null));
            } catch (ClassNotFoundException | LinkageError absent) {
                // not in this runtime image
            }
        }
        try {
            instrumentation.retransformClasses(combinators.toArray(new Class<?>[0]));
        } catch (Throwable failure) {
            AgentCounters.transformFailed("java.util.function", failure);
        }
    }
}
