package dev.ferry.it.specialize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Where a {@link TemplateSpecializer} keeps the classes it made, one per {@link Recipe}. */
interface ClassCache {

    /** The class made for {@code recipe}, made now by {@code maker} when there is none. */
    Class<?> get(Recipe recipe, Function<Recipe, Class<?>> maker);

    /** Makes each class once however many threads ask at once, as generators' caches should. */
    static ClassCache locked() {
        Map<Recipe, Class<?>> classes = new ConcurrentHashMap<>();
        return classes::computeIfAbsent;
    }

    /**
     * Deliberately racy: check, then make, then put, without a lock. Threads that ask for a new recipe at once each
     * make a class of their own; Ferry calls a generator once at a time per recipe, so that even this cache makes one.
     */
    static ClassCache racy() {
        return new Racy();
    }

    final class Racy implements ClassCache {

        /** Long enough for a concurrent caller to arrive, short enough to cost little when Ferry calls alone. */
        private static final long RACE_WINDOW_MILLIS = 300;

        private final Map<Recipe, Class<?>> classes = new ConcurrentHashMap<>();
        private final Map<Recipe, CountDownLatch> rendezvous = new ConcurrentHashMap<>();

        private Racy() {
        }

        @Override
        public Class<?> get(Recipe recipe, Function<Recipe, Class<?>> maker) {
            Class<?> cached = classes.get(recipe);
            if (cached != null) {
                return cached;
            }
            awaitASecondCaller(recipe);
            Class<?> made = maker.apply(recipe);
            classes.put(recipe, made);
            return made;
        }

        /** Widens the race: a second caller of the same recipe releases both at once, else the window times out. */
        private void awaitASecondCaller(Recipe recipe) {
            CountDownLatch callers = rendezvous.computeIfAbsent(recipe, key -> new CountDownLatch(2));
            callers.countDown();
            try {
                callers.await(RACE_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
