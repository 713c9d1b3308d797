package dev.ferry.it.agents;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.ferry.it.support.Failures;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * A Byte Buddy agent as APM and test tools write them: an {@link AgentBuilder} with
 * {@link AgentBuilder.RedefinitionStrategy#RETRANSFORMATION}, class format changes disabled (retransformation allows
 * none), {@link WeighAdvice} on {@link Cargo#weigh}, and a redefinition listener that fails fast when the JVM refuses a
 * retransformation. It names {@link Cargo} by name only: installed from a {@code premain} before Ferry's, it must not
 * load the class before Ferry can prepare it.
 */
public final class CargoAdvice {

    static final String CARGO = "dev.ferry.it.agents.Cargo";

    /** What the listener of the agent a {@code premain} installs hears ({@link SecondAgent} {@code byte-buddy}). */
    private static final Recording PREMAIN_RECORDING = new Recording();

    private CargoAdvice() {
    }

    static Recording premainRecording() {
        return PREMAIN_RECORDING;
    }

    /** What Byte Buddy reported: each transformation of Cargo (at load, or of the loaded class) and each error. */
    public static final class Recording extends AgentBuilder.Listener.Adapter {

        private final List<String> transformations = new CopyOnWriteArrayList<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            transformations.add(type.getName() + (loaded ? " retransformed" : " at load"));
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                Throwable throwable) {
            errors.add(typeName + (loaded ? " retransformed" : " at load") + ": " + Failures.describeChain(throwable));
        }

        /** The transformations Byte Buddy reported so far. */
        public List<String> transformations() {
            return List.copyOf(transformations);
        }

        /** The errors Byte Buddy reported so far. */
        public List<String> errors() {
            return List.copyOf(errors);
        }
    }

    /**
     * Installs the agent: retransforms Cargo at once when it is loaded already, and advises it when it loads.
     *
     * @throws IllegalStateException when the JVM refuses the retransformation (Byte Buddy's fail-fast listener)
     */
    public static void install(Instrumentation instrumentation, Recording recording) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.Listener.ErrorEscalating.FAIL_FAST)
                .with(recording)
                .type(named(CARGO))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(WeighAdvice.class).on(named("weigh"))))
                .installOn(instrumentation);
    }
}
