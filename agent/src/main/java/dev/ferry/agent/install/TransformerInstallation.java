package dev.ferry.agent.install;

import dev.ferry.agent.classfile.AsmClassFileInspector;
import dev.ferry.agent.classfile.WireClassSpinner;
import dev.ferry.agent.config.AgentOptions;
import dev.ferry.agent.instrument.ArchiveExclusion;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.GeneratedClassRecorder;
import dev.ferry.agent.instrument.JdkHooksTransformer;
import dev.ferry.agent.instrument.PreparedClasses;
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
import dev.ferry.boot.lambda.CallSiteTables;
import dev.ferry.boot.lambda.LambdaLinking;
import dev.ferry.boot.lambda.LambdaReading;
import dev.ferry.boot.lambda.LambdaSite;
import dev.ferry.boot.lambda.WireClassWriter;
import dev.ferry.boot.lambda.WireClasses;
import dev.ferry.boot.security.ClassBudget;
import dev.ferry.boot.security.IntegrityKey;
import dev.ferry.boot.security.ReferencePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
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
     * JDK classes they changed are redefined back, so that the agent reports "not installed" truthfully and a
     * later attach starts from a clean JVM.
     *
     * @param key the {@code keyFile} bytes, or null: generated classes are then written by name
     * @param attached true from {@code agentmain}: for the log line (classes loaded before are prepared alike: their
     *     call sites that have not linked yet link serializable)
     */
    static void install(Instrumentation instrumentation, AgentOptions options, byte[] key, boolean attached) {
        if (LambdaLinking.class.getClassLoader() != null) {
            throw new IllegalStateException("Ferry's runtime was loaded by " + LambdaLinking.class.getClassLoader()
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
        JdkHooksTransformer hooks = null;
        try {
            if (key != null) {
                // sees generated classes' bytes as they are defined, and stays: they exist nowhere else
                add(instrumentation, new GeneratedClassRecorder(options.byName()), false, added);
            }
            ModuleAccess moduleAccess = new ModuleAccess(instrumentation, LambdaLinking.class.getModule());
            ClassSelection selection = new ClassSelection(options.includes(), options.excludes());
            CallSiteTables.install(new PreparedClasses(selection, moduleAccess, instrumentation));
            // a run recording a class-data archive keeps its transformers, so that what they hand the JVM stays out
            // of the archive; it registers no MXBean, whose module edges the JVM would archive (ArchiveTraining)
            boolean training = ArchiveTraining.isRecording();
            Set<String> hooked = new HashSet<>(JdkHooksTransformer.HOOKED);
            if (training
                    || !MXBeanRegistration.install(instrumentation, new AgentMXBean(version(), options.effective()))) {
                hooked.remove(MXBeanRegistration.MANAGEMENT_FACTORY.replace('.', '/'));
            }
            if (training) {
                add(instrumentation, new ArchiveExclusion(selection), true, added);
                ArchiveExclusion.excludeLoadedCombinators(instrumentation);
            }
            hooks = new JdkHooksTransformer(hooked, training);
            add(instrumentation, hooks, training, added);
            // loads the object streams and the others if the application has not yet: hooked as they load
            JdkInternals.check();
            List<Class<?>> loadedBefore = new ArrayList<>();
            for (Class<?> type : load(hooked)) {
                if (!hooks.hasHooked(type.getName().replace('.', '/'))) {
                    loadedBefore.add(type); // loaded before the transformer was there
                }
            }
            if (training) {
                hookByRetransformation(instrumentation, hooks, loadedBefore);
            } else {
                hookByRedefinition(instrumentation, hooks, loadedBefore);
            }
            hooks.checkStreamsHooked();
            if (!training) {
                // every class it hooks is loaded: with no transformer left, loading a class costs what it costs
                // without Ferry (the JVM hands a class file to no agent, and keeps using its class-data sharing
                // archive)
                instrumentation.removeTransformer(hooks);
                added.remove(hooks);
            }
            for (Class<?> type : loadedBefore) {
                if (type.getName().equals(MXBeanRegistration.MANAGEMENT_FACTORY)) {
                    MXBeanRegistration.registerIfServerExists(type);
                }
            }
        } catch (RuntimeException | Error failure) {
            CallSiteTables.install(null);
            for (ClassFileTransformer transformer : added) {
                instrumentation.removeTransformer(transformer);
            }
            restoreHookedJdkClasses(instrumentation, hooks);
            throw failure;
        }
        FerryLog.log(System.Logger.Level.INFO, "Ferry " + version() + " installed" + (attached ? " (attached)" : "")
                + "; options " + options.effective());
    }

    /**
     * Adds a transformer, remembered for the rollback.
     *
     * @param retransformable false for one that sees classes as they load only (and redefinitions), so that what it
     *     hands the JVM becomes the class's own bytes
     */
    private static void add(Instrumentation instrumentation, ClassFileTransformer transformer, boolean retransformable,
            List<ClassFileTransformer> added) {
        instrumentation.addTransformer(transformer, retransformable);
        added.add(transformer);
    }

    /**
     * After the transformers are gone: the JDK's own bytes again for every JDK class Ferry hooked (and only those: a
     * class another agent changed before Ferry keeps that change).
     */
    private static void restoreHookedJdkClasses(Instrumentation instrumentation, JdkHooksTransformer hooks) {
        if (hooks == null) {
            return;
        }
        for (String internalName : JdkHooksTransformer.HOOKED) {
            if (hooks.hasHooked(internalName)) {
                try {
                    Class<?> type = Class.forName(internalName.replace('/', '.'), false, null);
                    instrumentation.redefineClasses(new ClassDefinition(type, jdkClassFile(type)));
                } catch (Throwable ignored) {
                    // a class the JVM will not redefine back keeps Ferry's hook: nothing else can restore it
                }
            }
        }
    }

    /**
     * Loads (without initializing) the JDK classes to hook, so that the transformer hooks those not loaded yet now;
     * asking for each by name costs far less than listing every loaded class.
     */
    private static List<Class<?>> load(Set<String> hooked) {
        List<Class<?>> classes = new ArrayList<>();
        for (String internalName : hooked) {
            try {
                classes.add(Class.forName(internalName.replace('/', '.'), false, null));
            } catch (ClassNotFoundException | LinkageError absent) {
                // a runtime image without the module: nothing of it to hook
            }
        }
        return classes;
    }

    /**
     * Hooks the JDK classes loaded before Ferry by redefining them with their hooked class files, all in one call (a
     * pause of the JVM's own, several milliseconds at start-up). A redefinition, unlike a retransformation, makes the
     * hooked bytes the class's own, so another agent's retransformation later starts from them and keeps the hooks.
     */
    private static void hookByRedefinition(Instrumentation instrumentation, JdkHooksTransformer hooks,
            List<Class<?>> loaded) {
        List<ClassDefinition> definitions = new ArrayList<>();
        for (Class<?> type : loaded) {
            String internalName = type.getName().replace('.', '/');
            try {
                definitions.add(new ClassDefinition(type, JdkHooksTransformer.hook(internalName, jdkClassFile(type))));
            } catch (RuntimeException | IOException failure) {
                hooks.notHooked(internalName, failure);
            }
        }
        if (definitions.isEmpty()) {
            return;
        }
        try {
            instrumentation.redefineClasses(definitions.toArray(new ClassDefinition[0]));
        } catch (Throwable failure) {
            for (ClassDefinition definition : definitions) {
                hooks.notHooked(definition.getDefinitionClass().getName().replace('.', '/'), failure);
            }
            return;
        }
        for (ClassDefinition definition : definitions) {
            hooks.hooked(definition.getDefinitionClass().getName().replace('.', '/'));
        }
    }

    /**
     * In a run recording a class-data archive: hooks the JDK classes loaded before Ferry by retransformation, which
     * the JVM keeps out of the archive; a redefined class it would archive as it is, Ferry's hooks included, and a
     * later run using the archive would crash or lose them.
     */
    private static void hookByRetransformation(Instrumentation instrumentation, JdkHooksTransformer hooks,
            List<Class<?>> loaded) {
        if (loaded.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Throwable failure) {
            for (Class<?> type : loaded) {
                hooks.notHooked(type.getName().replace('.', '/'), failure);
            }
        }
    }

    /** The class file of a JDK class, from the runtime image. */
    private static byte[] jdkClassFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + type.getName() + " in the runtime image");
            }
            return in.readAllBytes();
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
     * The hooked object streams and {@code LambdaMetafactory} call Ferry's runtime, so {@code java.base} must read
     * Ferry's module; a reader links the JDK combinators' private lambda bodies and defines their wire classes, so
     * {@code java.util.function} must be open to it; the hooks use internals of {@code java.io}, {@code java.lang}
     * (a class's redefinition count), {@code java.lang.invoke} ({@code SerializedLambda}'s capturing class) and
     * {@code jdk.internal.misc} ({@code JdkInternals}).
     */
    private static void openJavaBaseToFerry(Instrumentation instrumentation) {
        Module ferry = LambdaLinking.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(ferry),
                Map.of("jdk.internal.misc", Set.of(ferry)),
                Map.of("java.util.function", Set.of(ferry), "java.io", Set.of(ferry), "java.lang", Set.of(ferry),
                        "java.lang.invoke", Set.of(ferry)), Set.of(), Map.of());
    }
}
