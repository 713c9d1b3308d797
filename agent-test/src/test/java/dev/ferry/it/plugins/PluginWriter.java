package dev.ferry.it.plugins;

import dev.ferry.it.support.Streams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Forked writer with Ferry and a key: {@code PluginWriter PLUGIN_DIR OUT_DIR}. A host loads the plugin in an isolated
 * loader named {@code plugin} and writes {@value #LAMBDAS} (the plugin's greeter lambda, its {@code Task::new}
 * constructor reference and a lambda capturing a plugin {@code Task}) and {@value #BY_VALUE} (an object of a class the
 * host generates at run time as a subclass of the plugin's {@code Base}, shipped by value).
 */
public final class PluginWriter {

    static final String LAMBDAS = "plugin-lambdas.bin";
    static final String BY_VALUE = "plugin-by-value.bin";

    private PluginWriter() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        ClassLoader plugin = PluginLoaders.isolated("plugin", Path.of(args[0]));
        Path out = Path.of(args[1]);
        Class<?> jobs = Class.forName(PluginSources.JOBS, true, plugin);
        Function<String, String> greeter = (Function<String, String>) jobs.getMethod("greeter", String.class)
                .invoke(null, "hi ");
        Function<String, Object> maker = (Function<String, Object>) jobs.getMethod("maker").invoke(null);
        Object task = maker.apply("t1");
        Supplier<String> describe = (Supplier<String>) jobs.getMethod("describe",
                Class.forName(PluginSources.TASK, false, plugin)).invoke(null, task);
        Files.write(out.resolve(LAMBDAS), Streams.write((Object) new Object[] {greeter, maker, describe}));

        Class<?> base = Class.forName(PluginSources.BASE, false, plugin);
        Object generated = new ByteBuddy(ClassFileVersion.JAVA_V17).subclass(base).name("com.acme.plugin.generated.Generated")
                .method(ElementMatchers.named("kind")).intercept(FixedValue.value("generated")).make()
                .load(plugin, ClassLoadingStrategy.Default.WRAPPER).getLoaded().getConstructor().newInstance();
        Files.write(out.resolve(BY_VALUE), Streams.write(generated));
    }
}
