package dev.ferry.it.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * A host's stream that resolves classes in a plugin's loader first, then as {@code ObjectInputStream} does, without
 * calling {@code super} for what the plugin has: the pattern of Commons IO's {@code ClassLoaderObjectInputStream}.
 */
final class PluginStream extends ObjectInputStream {

    private final ClassLoader loader;

    PluginStream(byte[] bytes, ClassLoader loader) throws IOException {
        super(new ByteArrayInputStream(bytes));
        this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
        try {
            return Class.forName(descriptor.getName(), false, loader);
        } catch (ClassNotFoundException notInThePlugin) {
            return super.resolveClass(descriptor);
        }
    }

    static Object read(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (PluginStream in = new PluginStream(bytes, loader)) {
            return in.readObject();
        }
    }
}
