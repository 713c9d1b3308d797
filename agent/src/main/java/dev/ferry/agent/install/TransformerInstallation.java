package dev.ferry.agent.install;

import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.diagnostics.AgentCounters;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.HiddenLambdaClassWriter;
import dev.ferry.agent.instrument.LambdaTransformer;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.agent.runtime.LambdaBootstrap;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/** Wires the transformer to the runtime; linked only once the runtime is defined in the boot loader. */
final class TransformerInstallation {

    private TransformerInstallation() {
    }

    static void install(Instrumentation instrumentation, AgentOptions options) {
        if (LambdaBootstrap.class.getClassLoader() != null) {
            throw new IllegalStateException("Ferry's runtime was loaded by " + LambdaBootstrap.class.getClassLoader()
                    + " instead of the boot loader");
        }
        openJavaBaseToFerry(instrumentation);
        LambdaBootstrap.install(new HiddenLambdaClassWriter());
        ModuleAccess moduleAccess = new ModuleAccess(instrumentation, LambdaBootstrap.class.getModule());
        instrumentation.addTransformer(new LambdaTransformer(
                new ClassSelection(options.includes(), options.excludes()), moduleAccess), true);
        prepareLoadedCombinators(instrumentation);
    }

    /**
     * The rewritten JDK combinators call Ferry's bootstrap, so {@code java.base} must read Ferry's module; a reader
     * links their private lambda bodies, so {@code java.util.function} must be open to it.
     */
    private static void openJavaBaseToFerry(Instrumentation instrumentation) {
        Module ferry = LambdaBootstrap.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(ferry), Map.of(),
                Map.of("java.util.function", Set.of(ferry)), Set.of(), Map.of());
    }

    /**
     * The combinator interfaces loaded before Ferry started are prepared by retransformation (fact 7), one at a time
     * so that one failure leaves the others prepared.
     */
    private static void prepareLoadedCombinators(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() == null
                    && ClassSelection.JDK_COMBINATORS.contains(type.getName().replace('.', '/'))) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable failure) {
                    AgentCounters.transformFailed(type.getName(), failure);
                }
            }
        }
    }
}
