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
 * every benchmark uses (a fresh {@code ObjectOutputStream}/{@code ObjectInputStream} over byte arrays per round trip,
 * holding one object or, {@link #writeEach}, several).
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

    /** Writes every value into one stream, one {@code writeObject} each: a class descriptor is written once. */
    public static byte[] writeEach(Object[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object value : values) {
                out.writeObject(value);
            }
        }
        return bytes.toByteArray();
    }

    /** Reads back {@code count} objects written by {@link #writeEach}. */
    public static Object[] readEach(byte[] bytes, int count) throws IOException, ClassNotFoundException {
        Object[] values = new Object[count];
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readObject();
            }
        }
        return values;
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
