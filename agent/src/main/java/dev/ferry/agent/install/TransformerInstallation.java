package dev.ferry.agent.install;

import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.diagnostics.AgentCounters;
import dev.ferry.agent.instrument.AsmClassFileInspector;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.GeneratedClassRecorder;
import dev.ferry.agent.instrument.HiddenLambdaClassWriter;
import dev.ferry.agent.instrument.LambdaTransformer;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.agent.instrument.StreamHooksTransformer;
import dev.ferry.agent.registry.ByValue;
import dev.ferry.agent.runtime.LambdaBootstrap;
import dev.ferry.agent.security.IntegrityKey;
import dev.ferry.agent.security.ReferencePolicy;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/** Wires the transformer to the runtime; linked only once the runtime is defined in the boot loader. */
final class TransformerInstallation {

    private TransformerInstallation() {
    }

    /** @param key the {@code keyFile} bytes, or null: generated classes are then written by name */
    static void install(Instrumentation instrumentation, AgentOptions options, byte[] key) {
        if (LambdaBootstrap.class.getClassLoader() != null) {
            throw new IllegalStateException("Ferry's runtime was loaded by " + LambdaBootstrap.class.getClassLoader()
                    + " instead of the boot loader");
        }
        openJavaBaseToFerry(instrumentation);
        ByValue.install(key == null ? null : IntegrityKey.of(key), options.byValue(), options.byName(),
                ReferencePolicy.of(options.denyReferences(), options.allowReferences()), new AsmClassFileInspector());
        LambdaBootstrap.install(new HiddenLambdaClassWriter());
        if (key != null) {
            // first, so it sees generated classes' bytes as they were defined; it ignores retransformations, and is
            // retransformation-capable only to share the JVM's one class-file hook with the other transformers
            instrumentation.addTransformer(new GeneratedClassRecorder(options.byName()), true);
        }
        ModuleAccess moduleAccess = new ModuleAccess(instrumentation, LambdaBootstrap.class.getModule());
        instrumentation.addTransformer(new LambdaTransformer(
                new ClassSelection(options.includes(), options.excludes()), moduleAccess), true);
        instrumentation.addTransformer(new StreamHooksTransformer(), true);
        retransformLoaded(instrumentation);
    }

    /**
     * The rewritten JDK combinators call Ferry's bootstrap, so {@code java.base} must read Ferry's module; a reader
     * links their private lambda bodies, so {@code java.util.function} must be open to it.
     */
    private static void openJavaBaseToFerry(Instrumentation instrumentation) {
        Module ferry = LambdaBootstrap.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(ferry),
                Map.of("jdk.internal.misc", Set.of(ferry)), Map.of("java.util.function", Set.of(ferry)), Set.of(),
                Map.of());
    }

    /**
     * The combinator interfaces (fact 7) and the object streams loaded before Ferry started are prepared by
     * retransformation, one at a time so that one failure leaves the others prepared.
     */
    private static void retransformLoaded(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            if (type.getClassLoader() == null && (ClassSelection.JDK_COMBINATORS.contains(internalName)
                    || StreamHooksTransformer.HOOKED.contains(internalName))) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable failure) {
                    AgentCounters.transformFailed(type.getName(), failure);
                }
            }
        }
    }
}
