package dev.ferry.agent.install;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.LambdaTransformer;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * When Ferry is attached to a running JVM: prepares the application classes loaded before, by retransformation. The
 * JVM allows method bodies to change, not methods to be added, so these classes get their lambda call sites rewritten
 * but no {@code $deserializeLambda$} gate; call sites that already ran keep the lambda the JDK linked then (an
 * {@code invokedynamic} links once), so only lambdas created at call sites that had not run yet become Ferry lambdas.
 */
final class LoadedClassPreparation {

    private static final int BATCH = 64;

    private LoadedClassPreparation() {
    }

    static void prepare(Instrumentation instrumentation, ClassSelection selection) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (isCandidate(instrumentation, selection, type)) {
                candidates.add(type);
            }
        }
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Class<?>> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            try {
                instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
            } catch (Throwable batchFailure) {
                retransformOneByOne(instrumentation, batch);
            }
        }
    }

    /** Selected, modifiable, and its class file names {@code LambdaMetafactory} (read from its loader). */
    private static boolean isCandidate(Instrumentation instrumentation, ClassSelection selection, Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isHidden() || !instrumentation.isModifiableClass(type)) {
            return false;
        }
        ClassLoader loader = type.getClassLoader();
        String internalName = type.getName().replace('.', '/');
        if (loader == null || !selection.prepares(loader, internalName)) {
            return false;
        }
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in != null && LambdaTransformer.mayHaveLambdas(in.readAllBytes());
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static void retransformOneByOne(Instrumentation instrumentation, List<Class<?>> batch) {
        for (Class<?> type : batch) {
            try {
                instrumentation.retransformClasses(type);
            } catch (Throwable failure) {
                AgentCounters.transformFailed(type.getName(), failure);
            }
        }
    }
}
