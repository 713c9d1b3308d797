package dev.ferry.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * What the first lambda of a call site costs a JVM: the JDK's link of the lambda (the first capture, which spins its
 * class) against Ferry's first read of a lambda of that call site (which defines its wire class), per call site, over
 * the corpus classes of {@link ClassCorpus#SITES}, one call site each.
 *
 * <pre>
 * FirstReads write FILE COUNT   (with the agent) writes one stream per class, the lambda {@code apply(i + 1)}
 * FirstReads link COUNT WARMUP  links the lambda of each class: prints linkNanos
 * FirstReads read FILE COUNT WARMUP  (with the agent) reads each class's stream twice: prints firstReadNanos and
 *                                    repeatReadNanos (the same streams again, every wire class defined)
 * </pre>
 *
 * <p>Classes {@code 0..WARMUP-1} are used untimed first (the first use of the serialization and linking paths and of
 * the agent's code, the JIT), the others are timed; every class is loaded and initialized before anything is timed,
 * so that class loading is not counted. Every lambda is called and checked.
 */
public final class FirstReads {

    private FirstReads() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(Path.of(args[1]), Integer.parseInt(args[2]));
            case "link" -> link(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "read" -> read(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("usage: FirstReads write FILE COUNT | link COUNT WARMUP"
                    + " | read FILE COUNT WARMUP");
        }
    }

    private static void write(Path file, int count) throws Exception {
        IntFunction<IntUnaryOperator>[] sites = sites(count);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                byte[] stream = Payloads.write(sites[i].apply(i + 1));
                out.writeInt(stream.length);
                out.write(stream);
            }
        }
    }

    private static void link(int count, int warmup) throws Exception {
        IntFunction<IntUnaryOperator>[] sites = sites(count);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += check(sites[i].apply(i + 1), i);
        }
        long start = System.nanoTime();
        for (int i = warmup; i < count; i++) {
            sink += check(sites[i].apply(i + 1), i);
        }
        long nanos = System.nanoTime() - start;
        System.out.println("linkNanos=" + nanos);
        System.out.println("sink=" + sink);
    }

    private static void read(Path file, int count, int warmup) throws Exception {
        sites(count);
        byte[][] streams = new byte[count][];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() < count) {
                throw new IllegalStateException(file + " holds fewer than " + count + " streams");
            }
            for (int i = 0; i < count; i++) {
                streams[i] = in.readNBytes(in.readInt());
            }
        }
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += check(Payloads.read(streams[i]), i);
        }
        long start = System.nanoTime();
        for (int i = warmup; i < count; i++) {
            sink += check(Payloads.read(streams[i]), i);
        }
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = warmup; i < count; i++) {
            sink += check(Payloads.read(streams[i]), i);
        }
        long repeat = System.nanoTime() - start;
        System.out.println("firstReadNanos=" + first);
        System.out.println("repeatReadNanos=" + repeat);
        System.out.println("sink=" + sink);
    }

    /** Loads, initializes and instantiates the corpus classes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static IntFunction<IntUnaryOperator>[] sites(int count) throws ReflectiveOperationException {
        IntFunction<IntUnaryOperator>[] sites = new IntFunction[count];
        for (int i = 0; i < count; i++) {
            Class<?> type = Class.forName(ClassCorpus.className(ClassCorpus.SITES, i), true,
                    FirstReads.class.getClassLoader());
            sites[i] = (IntFunction<IntUnaryOperator>) type.getConstructor().newInstance();
        }
        return sites;
    }

    /** The lambda of class {@code i}, made with {@code k = i + 1}, maps 2 to {@code 2 * (i + 1) + i}. */
    private static int check(Object lambda, int i) {
        int result = ((IntUnaryOperator) lambda).applyAsInt(2);
        if (result != 2 * (i + 1) + i) {
            throw new IllegalStateException("the lambda of class " + i + " computed " + result);
        }
        return result;
    }
}
