package dev.ferry.boot.specialize;

import dev.ferry.api.SpecializationGenerator;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Calls {@link SpecializationGenerator#specialize} at most once at a time per (generator, origin, arguments): readers
 * that race on one first specialization wait for the one call and share its class. Afterwards the generator's own
 * cache answers, so nothing here holds a class or a loader longer than the call.
 */
final class SpecializationCalls {

    private static final ConcurrentHashMap<Key, Call> CALLS = new ConcurrentHashMap<>();

    private SpecializationCalls() {
    }

    /**
     * @throws Throwable what the generator threw, or {@link IllegalStateException} when a generator asks for the very
     *     specialization it is making
     */
    static Class<?> specialize(SpecializationGenerator generator, Class<?> origin, List<Type> arguments)
            throws Throwable {
        Key key = new Key(generator, origin, arguments);
        Call mine = new Call();
        Call running = CALLS.putIfAbsent(key, mine);
        if (running != null) {
            return running.await();
        }
        try {
            mine.complete(generator.specialize(origin, arguments), null);
        } catch (Throwable e) {
            mine.complete(null, e);
        } finally {
            CALLS.remove(key, mine);
        }
        return mine.await();
    }

    private static final class Key {
        private final SpecializationGenerator generator;
        private final Class<?> origin;
        private final List<Type> arguments;

        Key(SpecializationGenerator generator, Class<?> origin, List<Type> arguments) {
            this.generator = generator;
            this.origin = origin;
            this.arguments = arguments;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && generator == ((Key) other).generator && origin == ((Key) other).origin
                    && arguments.equals(((Key) other).arguments);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(generator) * 31 + origin.hashCode()) * 31 + arguments.hashCode();
        }
    }

    private static final class Call {
        private final Thread caller = Thread.currentThread();
        private final CountDownLatch done = new CountDownLatch(1);
        private Class<?> result;
        private Throwable failure;

        void complete(Class<?> type, Throwable thrown) {
            result = type;
            failure = thrown;
            done.countDown();
        }

        Class<?> await() throws Throwable {
            if (caller == Thread.currentThread() && done.getCount() > 0) {
                throw new IllegalStateException("the generator asked for the specialization it is making");
            }
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a read is not interruptible; keep the flag for the caller
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
