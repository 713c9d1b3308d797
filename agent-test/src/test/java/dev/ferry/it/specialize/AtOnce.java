package dev.ferry.it.specialize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one call on several threads released together by a barrier, as racing first users of a class would. */
final class AtOnce {

    static final int THREADS = 8;

    private AtOnce() {
    }

    /** The results of {@link #THREADS} concurrent calls, in thread order. */
    static <T> List<T> call(Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                calls.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : calls) {
                results.add(result.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
