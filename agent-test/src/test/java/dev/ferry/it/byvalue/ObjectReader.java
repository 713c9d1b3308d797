package dev.ferry.it.byvalue;

import dev.ferry.it.support.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * How a program reads a stream: {@link #PLAIN}, a plain {@code ObjectInputStream} as any application (the cross-JVM
 * reader), or {@link #SAME_JVM}, which also finds the classes this JVM generated, for the in-JVM fixture self-check
 * that proves the fixtures sound without Ferry.
 */
interface ObjectReader {

    ObjectReader PLAIN = Streams::read;
    ObjectReader SAME_JVM = (bytes, count) -> {
        try (ObjectInputStream in = new GeneratedClassesInputStream(new ByteArrayInputStream(bytes))) {
            Object[] objects = new Object[count];
            for (int i = 0; i < count; i++) {
                objects[i] = in.readObject();
            }
            return objects;
        }
    };

    Object[] read(byte[] bytes, int count) throws IOException, ClassNotFoundException;

    default Object readOne(byte[] bytes) throws IOException, ClassNotFoundException {
        return read(bytes, 1)[0];
    }

    /** Resolves the names of {@link GeneratedClasses} first, which a plain stream cannot find. */
    final class GeneratedClassesInputStream extends ObjectInputStream {

        GeneratedClassesInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            String name = descriptor.getName();
            int dimensions = 0;
            while (name.startsWith("[", dimensions)) {
                dimensions++;
            }
            // an array of a generated class: [[Lcom.acme.Gen;
            boolean objectArray = dimensions > 0 && name.startsWith("L", dimensions);
            Class<?> generated = dimensions > 0 && !objectArray ? null
                    : GeneratedClasses.find(objectArray ? name.substring(dimensions + 1, name.length() - 1) : name);
            if (generated == null) {
                return super.resolveClass(descriptor);
            }
            for (int i = 0; i < dimensions; i++) {
                generated = generated.arrayType();
            }
            return generated;
        }

        @Override
        @SuppressWarnings("deprecation") // the one-call way to get a proxy class for given interfaces and loader
        protected Class<?> resolveProxyClass(String[] names) throws IOException, ClassNotFoundException {
            Class<?>[] interfaces = new Class<?>[names.length];
            ClassLoader loader = null;
            for (int i = 0; i < names.length; i++) {
                Class<?> generated = GeneratedClasses.find(names[i]);
                interfaces[i] = generated != null ? generated : Class.forName(names[i], false,
                        ObjectReader.class.getClassLoader());
                loader = generated != null ? generated.getClassLoader() : loader;
            }
            return loader == null ? super.resolveProxyClass(names) : Proxy.getProxyClass(loader, interfaces);
        }
    }
}
