package dev.ferry.agent.install;

import dev.ferry.agent.classfile.AsmClassFileInspector;
import dev.ferry.agent.classfile.WireClassSpinner;
import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.GeneratedClassRecorder;
import dev.ferry.agent.instrument.JdkHooksTransformer;
import dev.ferry.agent.instrument.LambdaTransformer;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.agent.jfr.JfrEvents;
import dev.ferry.agent.jmx.AgentMXBean;
import dev.ferry.agent.jmx.MXBeanRegistration;
import dev.ferry.boot.byvalue.ByValue;
import dev.ferry.boot.byvalue.ClassFacts;
import dev.ferry.boot.byvalue.ClassFileInspector;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.FerryLog;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.lambda.LambdaBootstrap;
import dev.ferry.boot.lambda.LambdaReading;
import dev.ferry.boot.lambda.LambdaSite;
import dev.ferry.boot.lambda.WireClassWriter;
import dev.ferry.boot.lambda.WireClasses;
import dev.ferry.boot.security.ClassBudget;
import dev.ferry.boot.security.IntegrityKey;
import dev.ferry.boot.security.ReferencePolicy;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wires the transformer to the runtime; linked only once the runtime is defined in the boot loader. */
final class TransformerInstallation {

    /**
     * ASM, which Ferry uses to read classes shipped by value and to spin wire classes, is loaded (and warmed up) at
     * their first use, not at start-up: most JVMs with Ferry never do either.
     */
    private static final ClassFileInspector LAZY_INSPECTOR = new ClassFileInspector() {
        private volatile ClassFileInspector inspector;

        @Override
        public ClassFacts inspect(byte[] classFile) {
            ClassFileInspector asm = inspector;
            if (asm == null) {
                asm = new AsmClassFileInspector();
                inspector = asm;
            }
            return asm.inspect(classFile);
        }
    };

    private static final WireClassWriter LAZY_SPINNER = new WireClassWriter() {
        private volatile WireClassWriter spinner;

        @Override
        public byte[] write(String internalName, LambdaSite site, int position) {
            WireClassWriter asm = spinner;
            if (asm == null) {
                asm = new WireClassSpinner();
                spinner = asm;
            }
            return asm.write(internalName, site, position);
        }
    };

    private TransformerInstallation() {
    }

    /**
     * Installs everything or nothing: when a step fails after transformers were added, they are removed again and the
     * JDK classes they changed are retransformed back, so that the agent reports "not installed" truthfully and a
     * later attach starts from a clean JVM.
     *
     * @param key the {@code keyFile} bytes, or null: generated classes are then written by name
     * @param attached true from {@code agentmain}: application classes loaded before are prepared too, where the JVM
     *     allows
     */
    static void install(Instrumentation instrumentation, AgentOptions options, byte[] key, boolean attached) {
        if (LambdaBootstrap.class.getClassLoader() != null) {
            throw new IllegalStateException("Ferry's runtime was loaded by " + LambdaBootstrap.class.getClassLoader()
                    + " instead of the boot loader");
        }
        openJavaBaseToFerry(instrumentation);
        FerryLog.install(logLevel(options.logLevel()));
        JfrEvents.install();
        ByValue.install(key == null ? null : IntegrityKey.of(key), options.byValue(), options.byName(),
                ReferencePolicy.of(options.denyReferences(), options.allowReferences()), LAZY_INSPECTOR);
        ClassBudget.install(options.maxClassesPerStream(), options.maxClasses());
        LambdaReading.readOnly(options.readLambdas());
        WireClasses.install(LAZY_SPINNER);
        List<ClassFileTransformer> added = new ArrayList<>();
        try {
            if (key != null) {
                // first, so it sees generated classes' bytes as they were defined; it ignores retransformations, and
                // is retransformation-capable only to share the JVM's one class-file hook with the other transformers
                add(instrumentation, new GeneratedClassRecorder(options.byName()), added);
            }
            ModuleAccess moduleAccess = new ModuleAccess(instrumentation, LambdaBootstrap.class.getModule());
            ClassSelection selection = new ClassSelection(options.includes(), options.excludes());
            add(instrumentation, new LambdaTransformer(selection, moduleAccess), added);
            Set<String> hooked = new HashSet<>(JdkHooksTransformer.HOOKED);
            if (!MXBeanRegistration.install(instrumentation, new AgentMXBean(version(), options.effective()))) {
                hooked.remove(MXBeanRegistration.MANAGEMENT_FACTORY.replace('.', '/'));
            }
            JdkHooksTransformer hooks = new JdkHooksTransformer(hooked);
            add(instrumentation, hooks, added);
            // loads the object streams if the application has not yet: the transformer hooks them as they load
            JdkInternals.check();
            retransformLoaded(instrumentation, hooks);
            hooks.checkStreamsHooked();
            if (attached) {
                LoadedClassPreparation.prepare(instrumentation, selection);
            }
        } catch (RuntimeException | Error failure) {
            for (ClassFileTransformer transformer : added) {
                instrumentation.removeTransformer(transformer);
            }
            restoreHookedJdkClasses(instrumentation);
            throw failure;
        }
        FerryLog.log(System.Logger.Level.INFO, "Ferry " + version() + " installed" + (attached ? " (attached)" : "")
                + "; options " + options.effective());
    }

    private static void add(Instrumentation instrumentation, ClassFileTransformer transformer,
            List<ClassFileTransformer> added) {
        instrumentation.addTransformer(transformer, true);
        added.add(transformer);
    }

    /** After the transformers are gone: the JDK's own bytes again for every JDK class Ferry hooked. */
    private static void restoreHookedJdkClasses(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            if (type.getClassLoader() == null && (JdkHooksTransformer.HOOKED.contains(internalName)
                    || ClassSelection.JDK_COMBINATORS.contains(internalName))) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable ignored) {
                    // a class that cannot be retransformed back was not changed either
                }
            }
        }
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
     * The combinator interfaces and the hooked JDK classes loaded before Ferry started are prepared by retransformation: all
     * in one call (each call is a pause of the JVM's own, several milliseconds at start-up), and one at a time only when
     * that fails, so that one failure leaves the others prepared.
     */
    private static void retransformLoaded(Instrumentation instrumentation, JdkHooksTransformer hooks) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            if (type.getClassLoader() == null && (ClassSelection.JDK_COMBINATORS.contains(internalName)
                    || JdkHooksTransformer.HOOKED.contains(internalName) && !hooks.hasHooked(internalName))) {
                loaded.add(type);
            }
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Throwable batchFailed) {
            for (Class<?> type : loaded) {
                retransform(instrumentation, type);
            }
        }
        for (Class<?> type : loaded) {
            if (type.getName().equals(MXBeanRegistration.MANAGEMENT_FACTORY)) {
                MXBeanRegistration.registerIfServerExists(type);
            }
        }
    }

    private static void retransform(Instrumentation instrumentation, Class<?> type) {
        try {
            instrumentation.retransformClasses(type);
        } catch (Throwable failure) {
            AgentCounters.transformFailed(type.getName(), failure);
            if (JdkHooksTransformer.HOOKED.contains(type.getName().replace('.', '/'))) {
                // without its hooks in the object streams Ferry would only half work: install nothing
                throw new IllegalStateException("cannot hook " + type.getName() + ": " + failure, failure);
            }
        }
    }
}
