package dev.ferry.it.byvalue;

import dev.ferry.it.support.Streams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Eight threads read one stream at the same moment, before anything else in the reader read its generated class: all
 * must get one class and a working object (no {@code LinkageError: duplicate class definition} for the losers).
 */
final class ConcurrentFirstReads {

    static final String CHECK = "eight_threads_reading_a_new_generated_class_at_once_get_one_class";

    private static final String FILE = "concurrent.ser";
    private static final String FIXED = "read concurrently";
    private static final int THREADS = 8;

    private ConcurrentFirstReads() {
    }

    static void write(Path directory) throws Exception {
        Files.write(directory.resolve(FILE),
                Streams.write(ByteBuddyGenerators.fixedValue(Loading.WRAPPER, FIXED, "concurrent")));
    }

    static String check(Path directory, ObjectReader reader) throws Exception {
        byte[] stream = Files.readAllBytes(directory.resolve(FILE));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> reads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                reads.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return reader.readOne(stream);
                }));
            }
            Map<Class<?>, Integer> classes = new IdentityHashMap<>();
            for (Future<Object> read : reads) {
                Base object = (Base) read.get(60, TimeUnit.SECONDS);
                if (!object.describe().equals(FIXED)) {
                    return "a thread read an object whose describe() gave " + object.describe();
                }
                classes.merge(object.getClass(), 1, Integer::sum);
            }
            return classes.size() == 1 ? null : THREADS + " threads got " + classes.size() + " classes: " + classes;
        } finally {
            threads.shutdownNow();
        }
    }
}
