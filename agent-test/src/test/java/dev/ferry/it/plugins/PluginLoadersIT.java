package dev.ferry.it.plugins;

import static dev.ferry.it.support.ReportedVerdicts.assertPassed;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.KeyFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes are found through the stream, not beside it: a host reads what a plugin's code wrote through a stream that
 * resolves classes in the plugin's loader (as Commons IO's and Spring's streams do), between separate JVMs on every
 * pair of JDKs. A lambda's capturing class and a class by value's class-path superclass are resolved by that stream,
 * so the lambda runs the plugin's code in the plugin's loader, its constructor reference makes the plugin's type, a
 * captured plugin object is accepted, and the generated class extends the plugin's class:
 * <ul>
 * <li>in an isolated plugin loader (parent: the platform loader) whose classes the host's class path lacks;</li>
 * <li>in two such loaders in one reader, each getting its own classes;</li>
 * <li>in a child-first loader whose classes are on the host's class path too, where binding to the host's copy would
 * go unnoticed but for the loader each lambda reports;</li>
 * <li>and through a stream that cannot see the plugin, which fails naming the missing class and the ways out.</li>
 * </ul>
 */
class PluginLoadersIT {

    @TempDir
    static Path files;

    private static final Once<Path> PLUGIN = Once.of(() -> PluginSources.compileInto(directory("plugin")));
    private static final Once<Path> KEY = Once.of(() -> KeyFiles.random(files.resolve("plugin.key"),
            KeyFiles.MINIMUM_BYTES));
    private static final Map<Jdk, Once<Path>> WRITTEN = new EnumMap<>(Jdk.class);
    private static final Map<List<Object>, Once<JvmRun>> READERS = new HashMap<>();

    static List<Arguments> pairs() {
        return List.of(Arguments.of(Jdk.JDK17, Jdk.JDK17), Arguments.of(Jdk.JDK17, Jdk.JDK25),
                Arguments.of(Jdk.JDK25, Jdk.JDK17), Arguments.of(Jdk.JDK25, Jdk.JDK25));
    }

    @ParameterizedTest(name = "isolated plugin loader, written on {0}, read on {1}")
    @MethodSource("pairs")
    void lambdas_should_run_the_plugins_code_in_its_loader(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "isolated"),
                "lambdas_should_run_the_plugins_code_through_a_stream_resolving_in_its_loader");
    }

    @ParameterizedTest(name = "isolated plugin loader, written on {0}, read on {1}")
    @MethodSource("pairs")
    void class_by_value_should_extend_the_plugins_class(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "isolated"), "class_by_value_should_extend_the_plugins_class");
    }

    @ParameterizedTest(name = "two plugin loaders, written on {0}, read on {1}")
    @MethodSource("pairs")
    void two_plugin_loaders_should_each_get_their_own_classes(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "isolated"), "two_plugin_loaders_should_each_get_their_own_classes");
    }

    @ParameterizedTest(name = "stream without the plugin, written on {0}, read on {1}")
    @MethodSource("pairs")
    void stream_without_the_plugin_should_name_the_missing_class_and_the_ways_out(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "isolated"),
                "stream_without_the_plugin_should_name_the_missing_capturing_class_and_the_ways_out");
    }

    @ParameterizedTest(name = "child-first plugin loader, plugin on the host's class path, written on {0}, read on {1}")
    @MethodSource("pairs")
    void lambdas_should_be_bound_to_the_plugins_copy_not_the_hosts(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "child-first"), "lambdas_should_be_bound_to_the_plugins_copy_not_the_hosts");
    }

    @ParameterizedTest(name = "child-first plugin loader, plugin on the host's class path, written on {0}, read on {1}")
    @MethodSource("pairs")
    void class_by_value_should_extend_the_plugins_copy_not_the_hosts(Jdk writer, Jdk reader) {
        assertPassed(read(writer, reader, "child-first"),
                "class_by_value_should_extend_the_plugins_copy_not_the_hosts");
    }

    private static Path written(Jdk jdk) {
        Once<Path> once;
        synchronized (WRITTEN) {
            once = WRITTEN.computeIfAbsent(jdk, key -> Once.of(() -> {
                Path out = directory("written-on-" + key.feature());
                ForkedJvm.on(key).withFerry("keyFile=" + KEY.get())
                        .main(PluginWriter.class, PLUGIN.get().toString(), out.toString()).run().assertSucceeded();
                return out;
            }));
        }
        return once.get();
    }

    private static JvmRun read(Jdk writer, Jdk reader, String mode) {
        Once<JvmRun> once;
        synchronized (READERS) {
            once = READERS.computeIfAbsent(List.of(writer, reader, mode), key -> Once.of(() -> {
                String classPath = ItSettings.forkedClassPath();
                if (mode.equals("child-first")) {
                    classPath = PLUGIN.get() + File.pathSeparator + classPath;
                }
                return ForkedJvm.on(reader).withFerry("keyFile=" + KEY.get()).classPath(classPath)
                        .main(PluginReader.class, mode, PLUGIN.get().toString(), written(writer).toString()).run();
            }));
        }
        return once.get();
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(files.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
