package dev.ferry.it.plugins;

import dev.ferry.it.support.SourceCompiler;
import java.nio.file.Path;
import java.util.Map;

/**
 * A plugin as a host application loads it: classes compiled at test time into their own directory, kept off the forked
 * JVMs' usual class path, in a package Ferry prepares like any application's. Its lambdas report the name of the
 * class loader their code runs in, so a reader sees which copy of the plugin a lambda is bound to.
 */
final class PluginSources {

    static final String JOBS = "com.acme.plugin.Jobs";
    static final String TASK = "com.acme.plugin.Task";
    static final String BASE = "com.acme.plugin.Base";

    private static final Map<String, String> SOURCES = Map.of(
            TASK, """
                    package com.acme.plugin;

                    public final class Task implements java.io.Serializable {
                        private static final long serialVersionUID = 1L;
                        private final String name;

                        public Task(String name) {
                            this.name = name;
                        }

                        public String name() {
                            return name;
                        }
                    }
                    """,
            BASE, """
                    package com.acme.plugin;

                    /** What a host generates subclasses of at run time (shipped by value). */
                    public abstract class Base implements java.io.Serializable {
                        private static final long serialVersionUID = 1L;

                        public abstract String kind();
                    }
                    """,
            JOBS, """
                    package com.acme.plugin;

                    import java.util.function.Function;
                    import java.util.function.Supplier;

                    public final class Jobs {
                        private Jobs() {
                        }

                        static String loader() {
                            return Jobs.class.getClassLoader().getName();
                        }

                        public static Function<String, String> greeter(String prefix) {
                            return s -> prefix + s + "@" + loader();
                        }

                        public static Function<String, Task> maker() {
                            return Task::new;
                        }

                        public static Supplier<String> describe(Task task) {
                            return () -> task.name() + "@" + task.getClass().getClassLoader().getName();
                        }
                    }
                    """);

    private PluginSources() {
    }

    static Path compileInto(Path directory) {
        return SourceCompiler.compileInto(SOURCES, directory);
    }
}
