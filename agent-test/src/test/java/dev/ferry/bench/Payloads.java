package dev.ferry.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.function.IntUnaryOperator;

/**
 * The three objects the round-trip benchmark and {@link SerialSizes} write and read, and the one serialization routine
 * both use (a fresh {@code ObjectOutputStream}/{@code ObjectInputStream} over byte arrays per round trip).
 */
public final class Payloads {

    private Payloads() {
    }

    /** A plain, non-serializable lambda capturing one int: with the agent, Ferry makes it serializable. */
    public static IntUnaryOperator ferryLambda(int k) {
        return x -> x + k;
    }

    /** The same lambda made serializable by javac: the JDK's own {@code SerializedLambda} route. */
    public static IntUnaryOperator jdkLambda(int k) {
        return (IntUnaryOperator & Serializable) x -> x + k;
    }

    /** An ordinary serializable object with one int field. */
    public static PlainInt plainObject(int k) {
        return new PlainInt(k);
    }

    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    public static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Writes and reads back {@code value} once; unchecked so that it can be used from lambdas and setups. */
    public static Object roundTrip(Object value) {
        try {
            return read(write(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
