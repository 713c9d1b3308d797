package dev.ferry.it.plugins;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** The class loaders a host gives its plugins. */
final class PluginLoaders {

    private PluginLoaders() {
    }

    /** Sees the plugin and the JDK only (parent: the platform loader), as an isolating plugin host does. */
    static ClassLoader isolated(String name, Path plugin) {
        return new URLClassLoader(name, urls(plugin), ClassLoader.getPlatformClassLoader());
    }

    /** Asks its own directory first and the application's loader after, as a servlet container's web app does. */
    static ClassLoader childFirst(String name, Path plugin) {
        return new ChildFirst(name, urls(plugin), ClassLoader.getSystemClassLoader());
    }

    private static URL[] urls(Path plugin) {
        try {
            return new URL[] {plugin.toUri().toURL()};
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ChildFirst extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        ChildFirst(String name, URL[] urls, ClassLoader parent) {
            super(name, urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null && !name.startsWith("java.")) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        // the parent's then
                    }
                }
                if (type == null) {
                    type = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
