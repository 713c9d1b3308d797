package dev.ferry.it.concurrency;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

/**
 * Forked JVM. {@code write <file>} writes each lambda of {@link ManyCallSites} into a stream of its own, with its
 * result for {@link ManyCallSites#ARGUMENT}. {@code read <file>} reads each stream from {@value #THREADS} threads that
 * start together at a barrier, so that the first materialization of every call site is a race, and prints
 * {@code PASS site-<i>} or {@code FAIL site-<i>: <why>}.
 */
public final class ConcurrentReadProgram {

    static final int THREADS = 8;

    private ConcurrentReadProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            write(file);
        } else {
            System.exit(read(file) ? 0 : 1);
        }
    }

    private static void write(Path file) throws IOException {
        List<IntUnaryOperator> lambdas = ManyCallSites.lambdas(3);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(lambdas.size());
            for (IntUnaryOperator lambda : lambdas) {
                byte[] bytes = Streams.write(lambda);
                out.writeInt(lambda.applyAsInt(ManyCallSites.ARGUMENT));
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    private static boolean read(Path file) throws IOException, InterruptedException {
        boolean allPassed = true;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int count = in.readInt();
            for (int site = 0; site < count; site++) {
                int expected = in.readInt();
                byte[] bytes = in.readNBytes(in.readInt());
                String failure = race(pool, bytes, expected);
                System.out.println(failure == null ? "PASS site-" + site : "FAIL site-" + site + ": " + failure);
                allPassed &= failure == null;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(FerryCounters.line());
        return allPassed;
    }

    /** Null if every thread read a working lambda; the first problem otherwise. */
    private static String race(ExecutorService pool, byte[] bytes, int expected) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Integer>> readers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            readers.add(() -> {
                start.await();
                return ((IntUnaryOperator) Streams.readOne(bytes)).applyAsInt(ManyCallSites.ARGUMENT);
            });
        }
        for (Future<Integer> result : pool.invokeAll(readers)) {
            try {
                int actual = result.get();
                if (actual != expected) {
                    return "a thread got " + actual + ", expected " + expected;
                }
            } catch (ExecutionException e) {
                return "a thread failed: " + Failures.describeChain(e.getCause());
            }
        }
        return null;
    }
}
