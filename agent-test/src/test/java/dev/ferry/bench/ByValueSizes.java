package dev.ferry.bench;

import java.io.IOException;

/**
 * The bytes of one stream with a generated-class object (its class's recipe included) and with a {@link PlainSquare},
 * for one and for {@value GeneratedClassRoundTripBench#PER_STREAM} objects per stream, and the cold latencies of this
 * JVM's first round trips: of an ordinary object (the JDK's serialization code runs for the first time), then of a
 * generated-class object (Ferry's writer and registry run for the first time). Prints one {@code name=value} line each;
 * fails (exit 1) unless the generated object is materialized by Ferry, so it doubles as the by-value probe.
 *
 * <pre>
 * java -javaagent:agent/target/ferry-agent.jar=keyFile=PATH -cp ... dev.ferry.bench.ByValueSizes
 * </pre>
 */
public final class ByValueSizes {

    private ByValueSizes() {
    }

    public static void main(String[] args) throws Exception {
        Class<? extends Shape> generated = GeneratedShapes.newClass();
        Shape object = GeneratedShapes.instance(generated, 41);
        Shape plain = new PlainSquare(41);

        long start = System.nanoTime();
        Object plainBack = Payloads.read(Payloads.write(plain));
        long plainNanos = System.nanoTime() - start;
        start = System.nanoTime();
        ByValueProbe.requireMaterializedRoundTrip(object);
        long generatedNanos = System.nanoTime() - start;
        if (((Shape) plainBack).size() != 41) {
            throw new IllegalStateException("the PlainSquare read back is " + plainBack);
        }

        int count = GeneratedClassRoundTripBench.PER_STREAM;
        print("generated1", Payloads.write(object).length);
        print("ordinary1", Payloads.write(plain).length);
        print("generated" + count, checkedStream(GeneratedShapes.instances(generated, count)));
        print("ordinary" + count, checkedStream(GeneratedShapes.plainSquares(count)));
        print("coldOrdinaryMicros", plainNanos / 1000);
        print("coldGeneratedMicros", generatedNanos / 1000);
    }

    /** The size of a stream of {@code shapes}, after checking it reads back equal. */
    private static int checkedStream(Shape[] shapes) throws IOException, ClassNotFoundException {
        byte[] bytes = Payloads.writeEach(shapes);
        Object[] back = Payloads.readEach(bytes, shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            if (!(back[i] instanceof Shape) || ((Shape) back[i]).size() != shapes[i].size()) {
                throw new IllegalStateException("object " + i + " of " + shapes.length + " read back as " + back[i]);
            }
        }
        return bytes.length;
    }

    private static void print(String name, long value) {
        System.out.println(name + "=" + value);
    }
}
