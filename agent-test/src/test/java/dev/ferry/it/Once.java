package dev.ferry.it;

import java.util.function.Supplier;

/**
 * A value computed at most once, failure included: many tests share one forked JVM's run, and a run that failed must
 * fail each of them with the same error instead of being launched again.
 */
public final class Once<T> {

    private final Supplier<T> computation;
    private boolean done;
    private T value;
    private RuntimeException runtimeFailure;
    private Error errorFailure;

    private Once(Supplier<T> computation) {
        this.computation = computation;
    }

    public static <T> Once<T> of(Supplier<T> computation) {
        return new Once<>(computation);
    }

    public synchronized T get() {
        if (!done) {
            done = true;
            try {
                value = computation.get();
            } catch (RuntimeException e) {
                runtimeFailure = e;
            } catch (Error e) {
                errorFailure = e;
            }
        }
        if (runtimeFailure != null) {
            throw runtimeFailure;
        }
        if (errorFailure != null) {
            throw errorFailure;
        }
        return value;
    }
}
