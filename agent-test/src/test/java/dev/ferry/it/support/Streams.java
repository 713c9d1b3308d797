package dev.ferry.it.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Plain JDK serialization, as an application would use it: Ferry needs no API. */
public final class Streams {

    private Streams() {
    }

    /** Writes the objects, in order, with one {@link ObjectOutputStream}. */
    public static byte[] write(Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object object : objects) {
                out.writeObject(object);
            }
        }
        return bytes.toByteArray();
    }

    /** Reads {@code count} objects, in order, with one {@link ObjectInputStream}. */
    public static Object[] read(byte[] bytes, int count) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            Object[] objects = new Object[count];
            for (int i = 0; i < count; i++) {
                objects[i] = in.readObject();
            }
            return objects;
        }
    }

    public static Object readOne(byte[] bytes) throws IOException, ClassNotFoundException {
        return read(bytes, 1)[0];
    }

    /** Whether {@code object} can be written; the failure's one-line description otherwise. */
    public static String tryWrite(Object object) {
        try {
            write(object);
            return "serializable";
        } catch (IOException e) {
            return "not-serializable: " + Failures.describe(e);
        }
    }
}
