package dev.ferry.agent.install;

import dev.ferry.agent.config.AgentOptions;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.FerryLog;
import dev.ferry.agent.classfile.AsmClassFileInspector;
import dev.ferry.agent.classfile.WireClassSpinner;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.GeneratedClassRecorder;
import dev.ferry.agent.instrument.JdkHooksTransformer;
import dev.ferry.agent.instrument.LambdaTransformer;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.agent.jfr.JfrEvents;
import dev.ferry.agent.jmx.AgentMXBean;
import dev.ferry.agent.jmx.MXBeanRegistration;
import dev.ferry.boot.byvalue.ByValue;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.lambda.LambdaBootstrap;
import dev.ferry.boot.lambda.WireClasses;
import dev.ferry.boot.security.IntegrityKey;
import dev.ferry.boot.security.ReferencePolicy;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/** Wires the transformer to the runtime; linked only once the runtime is defined in the boot loader. */
final class TransformerInstallation {

    private TransformerInstallation() {
    }

    /**
     * @param key the {@code keyFile} bytes, or null: generated classes are then written by name
     * @param keyProblem why the key file could not be read, or null
     * @param attached true from {@code agentmain}: application classes loaded before are prepared too, where the JVM
     *     allows
     */
    static void install(Instrumentation instrumentation, AgentOptions options, byte[] key, String keyProblem,
            boolean attached) {
        if (LambdaBootstrap.class.getClassLoader() != null) {
            throw new IllegalStateException("Ferry's runtime was loaded by " + LambdaBootstrap.class.getClassLoader()
                    + " instead of the boot loader");
        }
        openJavaBaseToFerry(instrumentation);
        JdkInternals.check();
        FerryLog.install(logLevel(options.logLevel()));
        JfrEvents.install();
        ByValue.install(key == null ? null : IntegrityKey.of(key), keyProblem, options.byValue(), options.byName(),
                ReferencePolicy.of(options.denyReferences(), options.allowReferences()), new AsmClassFileInspector());
        WireClasses.install(new WireClassSpinner());
        if (key != null) {
            // first, so it sees generated classes' bytes as they were defined; it ignores retransformations, and is
            // retransformation-capable only to share the JVM's one class-file hook with the other transformers
            instrumentation.addTransformer(new GeneratedClassRecorder(options.byName()), true);
        }
        ModuleAccess moduleAccess = new ModuleAccess(instrumentation, LambdaBootstrap.class.getModule());
        ClassSelection selection = new ClassSelection(options.includes(), options.excludes());
        instrumentation.addTransformer(new LambdaTransformer(selection, moduleAccess), true);
        Set<String> hooked = new java.util.HashSet<>(JdkHooksTransformer.HOOKED);
        if (!MXBeanRegistration.install(instrumentation, new AgentMXBean(version(), options.effective()))) {
            hooked.remove(MXBeanRegistration.MANAGEMENT_FACTORY.replace('.', '/'));
        }
        instrumentation.addTransformer(new JdkHooksTransformer(hooked), true);
        retransformLoaded(instrumentation);
        if (attached) {
            LoadedClassPreparation.prepare(instrumentation, selection);
        }
        FerryLog.log(System.Logger.Level.INFO, "Ferry " + version() + " installed" + (attached ? " (attached)" : "")
                + "; options " + options.effective());
    }

    private static System.Logger.Level logLevel(String option) {
        switch (option) {
            case "error":
                return System.Logger.Level.ERROR;
            case "warning":
                return System.Logger.Level.WARNING;
            case "info":
                return System.Logger.Level.INFO;
            case "debug":
                return System.Logger.Level.DEBUG;
            default:
                return System.Logger.Level.OFF;
        }
    }

    private static String version() {
        String version = TransformerInstallation.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * The prepared JDK combinators and the hooked object streams call Ferry's runtime, so {@code java.base} must read
     * Ferry's module; a reader links the combinators' private lambda bodies and defines their wire classes, so
     * {@code java.util.function} must be open to it; the stream hooks use {@code java.io}'s internals and
     * {@code jdk.internal.misc} ({@code JdkInternals}).
     */
    private static void openJavaBaseToFerry(Instrumentation instrumentation) {
        Module ferry = LambdaBootstrap.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(ferry),
                Map.of("jdk.internal.misc", Set.of(ferry)),
                Map.of("java.util.function", Set.of(ferry), "java.io", Set.of(ferry)), Set.of(), Map.of());
    }

    /**
     * The combinator interfaces (fact 7) and the object streams loaded before Ferry started are prepared by
     * retransformation, one at a time so that one failure leaves the others prepared.
     */
    private static void retransformLoaded(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            boolean managementFactory = type.getName().equals(MXBeanRegistration.MANAGEMENT_FACTORY);
            if (type.getClassLoader() == null && (ClassSelection.JDK_COMBINATORS.contains(internalName)
                    || JdkHooksTransformer.HOOKED.contains(internalName))) {
                try {
                    instrumentation.retransformClasses(type);
                    if (managementFactory) {
                        MXBeanRegistration.registerIfServerExists(type);
                    }
                } catch (Throwable failure) {
                    AgentCounters.transformFailed(type.getName(), failure);
                }
            }
        }
    }
}
