package dev.ferry.it.plugins;

import dev.ferry.it.support.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Forked reader with Ferry and the writer's key: {@code PluginReader isolated|child-first PLUGIN_DIR IN_DIR}, reading
 * what {@link PluginWriter} wrote through {@link PluginStream}s that resolve classes in plugin loaders, and printing a
 * verdict per check.
 * <ul>
 * <li>{@code isolated} (the plugin is not on this JVM's class path): through an isolated loader {@code plugin-a};
 * through a second one, {@code plugin-b}, beside it, each getting its own classes; through a plain stream, which
 * cannot see the plugin;</li>
 * <li>{@code child-first} (the plugin is on this JVM's class path too): through a child-first loader
 * {@code plugin-a}, whose copy of the plugin, not the host's, the lambdas and the class by value must be bound to.</li>
 * </ul>
 */
public final class PluginReader {

    private PluginReader() {
    }

    public static void main(String[] args) throws Exception {
        Path plugin = Path.of(args[1]);
        byte[] lambdas = Files.readAllBytes(Path.of(args[2]).resolve(PluginWriter.LAMBDAS));
        byte[] byValue = Files.readAllBytes(Path.of(args[2]).resolve(PluginWriter.BY_VALUE));
        Verdicts verdicts = new Verdicts();
        if (args[0].equals("isolated")) {
            ClassLoader a = PluginLoaders.isolated("plugin-a", plugin);
            ClassLoader b = PluginLoaders.isolated("plugin-b", plugin);
            verdicts.check("lambdas_should_run_the_plugins_code_through_a_stream_resolving_in_its_loader", () ->
                    lambdasProblem(lambdas, a));
            verdicts.check("class_by_value_should_extend_the_plugins_class", () -> byValueProblem(byValue, a));
            verdicts.check("two_plugin_loaders_should_each_get_their_own_classes", () -> {
                String problem = lambdasProblem(lambdas, b);
                problem = problem != null ? problem : byValueProblem(byValue, b);
                Object fromA = ((Object[]) PluginStream.read(lambdas, a))[0];
                Object fromB = ((Object[]) PluginStream.read(lambdas, b))[0];
                return problem != null ? problem : fromA.getClass() != fromB.getClass() ? null
                        : "the lambdas of two plugin loaders share the class " + fromA.getClass();
            });
            verdicts.check("stream_without_the_plugin_should_name_the_missing_capturing_class_and_the_ways_out", () -> {
                try {
                    return "read " + PluginStream.read(lambdas, ClassLoader.getPlatformClassLoader());
                } catch (ClassNotFoundException missing) {
                    String message = String.valueOf(missing.getMessage());
                    return message.startsWith(PluginSources.JOBS + " ") && message.contains("class path")
                            && message.contains("byValue=") ? null : "the message was: " + message;
                }
            });
        } else {
            ClassLoader a = PluginLoaders.childFirst("plugin-a", plugin);
            verdicts.check("lambdas_should_be_bound_to_the_plugins_copy_not_the_hosts", () -> {
                Class<?> hosts = Class.forName(PluginSources.JOBS, false, PluginReader.class.getClassLoader());
                Class<?> plugins = Class.forName(PluginSources.JOBS, false, a);
                return hosts == plugins ? "the host and the plugin share " + hosts : lambdasProblem(lambdas, a);
            });
            verdicts.check("class_by_value_should_extend_the_plugins_copy_not_the_hosts", () ->
                    byValueProblem(byValue, a));
        }
        System.exit(verdicts.exitCode());
    }

    /** Null when the lambdas, read through {@code loader}, run the plugin's code there and make its objects. */
    @SuppressWarnings("unchecked")
    private static String lambdasProblem(byte[] stream, ClassLoader loader) throws IOException,
            ClassNotFoundException {
        Object[] read = (Object[]) PluginStream.read(stream, loader);
        String where = "@" + loader.getName();
        Function<String, String> greeter = (Function<String, String>) read[0];
        Function<String, Object> maker = (Function<String, Object>) read[1];
        Supplier<String> describe = (Supplier<String>) read[2];
        String greeting = greeter.apply("x");
        if (!greeting.equals("hi x" + where)) {
            return "the greeter said '" + greeting + "', expected 'hi x" + where + "'";
        }
        for (Object lambda : read) {
            if (lambda.getClass().getClassLoader() != loader) {
                return "the lambda class " + lambda.getClass().getName() + " is in " + lambda.getClass()
                        .getClassLoader() + ", not in the plugin's loader " + loader;
            }
        }
        Object made = maker.apply("n");
        if (made.getClass() != Class.forName(PluginSources.TASK, false, loader)) {
            return "Task::new made a " + made.getClass().getName() + " of " + made.getClass().getClassLoader();
        }
        String description = describe.get();
        return description.equals("t1" + where) ? null : "the captured task said '" + description + "'";
    }

    /** Null when the class by value, read through {@code loader}, extends the plugin's {@code Base} there. */
    private static String byValueProblem(byte[] stream, ClassLoader loader) throws Exception {
        Object read = PluginStream.read(stream, loader);
        Class<?> base = Class.forName(PluginSources.BASE, false, loader);
        if (read.getClass().getSuperclass() != base) {
            return read.getClass().getName() + " extends " + read.getClass().getSuperclass() + " of "
                    + read.getClass().getSuperclass().getClassLoader() + ", not the Base of " + loader;
        }
        Object kind = base.getMethod("kind").invoke(read);
        return "generated".equals(kind) ? null : "kind() returned " + kind;
    }
}
