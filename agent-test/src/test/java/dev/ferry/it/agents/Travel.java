package dev.ferry.it.agents;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * How the programs of this package make objects travel and say what they are, one fact per line for the ITs: a writer
 * prints {@code WROTE <i> <probe>} for each object it wrote, a reader {@code READ <i> <probe>} for each it read (or
 * one {@code REFUSED <exception chain>} line), and the IT compares the two lists. A probe calls the object: the same
 * lambda computes the same thing on both sides.
 */
public final class Travel {

    public static final String WROTE = "WROTE ";
    public static final String READ = "READ ";
    public static final String REFUSED = "REFUSED ";

    private Travel() {
    }

    /** What calling the object gives: {@code IntUnaryOperator(5)=15}, {@code Function(crate)=...}, ... */
    @SuppressWarnings("unchecked")
    public static String probe(Object object) {
        if (object instanceof IntUnaryOperator) {
            return "IntUnaryOperator(5)=" + ((IntUnaryOperator) object).applyAsInt(5);
        }
        if (object instanceof Function) {
            return "Function(crate)=" + ((Function<Object, Object>) object).apply("crate");
        }
        if (object instanceof Supplier) {
            return "Supplier()=" + ((Supplier<Object>) object).get();
        }
        return String.valueOf(object);
    }

    /** Writes the count and the objects to {@code file} with one object stream and prints a WROTE line for each. */
    public static void write(Path file, Object... objects) throws IOException {
        Object[] stream = new Object[objects.length + 1];
        stream[0] = objects.length;
        System.arraycopy(objects, 0, stream, 1, objects.length);
        Files.write(file, Streams.write(stream));
        for (int i = 0; i < objects.length; i++) {
            System.out.println(WROTE + i + " " + probe(objects[i]));
        }
    }

    /** Reads what {@link #write} wrote and prints a READ line for each object, or one REFUSED line. */
    public static void readAndPrint(Path file) {
        try {
            List<Object> read = read(Files.readAllBytes(file));
            for (int i = 0; i < read.size(); i++) {
                System.out.println(READ + i + " " + probe(read.get(i)));
            }
        } catch (Throwable refused) {
            System.out.println(REFUSED + Failures.describeChain(refused));
        }
    }

    static List<Object> read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            int count = (Integer) in.readObject();
            List<Object> objects = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                objects.add(in.readObject());
            }
            return objects;
        }
    }

    /**
     * Writes the object and reads it back with a plain pair of object streams in this JVM; null when the copy computes
     * what the original does, else what differs.
     */
    public static String roundTripProblem(Object object) throws IOException, ClassNotFoundException {
        String expected = probe(object);
        Object copy = Streams.readOne(Streams.write(object));
        String actual = probe(copy);
        if (copy == object) {
            return "the stream returned the very object written";
        }
        return expected.equals(actual) ? null : "the copy computes " + actual + ", the original " + expected;
    }

    /**
     * Writes a forged {@code SerializedLambda} naming {@code capturing}'s static {@code weigh(int)} as an
     * {@code IntUnaryOperator} (javac compiled no such serializable lambda) and reads it back: null when Ferry's gate
     * refuses it with its message, else what happened.
     */
    public static String forgedSerializedLambdaProblem(Class<?> capturing) throws IOException {
        SerializedLambda forged = new SerializedLambda(capturing, "java/util/function/IntUnaryOperator", "applyAsInt",
                "(I)I", MethodHandleInfo.REF_invokeStatic, capturing.getName().replace('.', '/'), "weigh", "(I)I",
                "(I)I", new Object[0]);
        try {
            return "read back as " + Streams.readOne(Streams.write(forged));
        } catch (InvalidObjectException refused) {
            return refused.getMessage().contains("refused SerializedLambda") ? null : Failures.describeChain(refused);
        } catch (ClassNotFoundException | RuntimeException other) {
            return Failures.describeChain(other);
        }
    }
}
