package dev.ferry.samples.lambdas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Runs a job on its input, whatever functional interface the job implements.
 *
 * <p>Both JVMs run jobs through this one method: the worker on the lambda it read from the stream, the driver on the
 * original lambda. So a matching answer means the lambda that arrived behaves exactly like the one that was sent.
 */
final class Runner {

    private Runner() {
    }

    /**
     * Runs {@code job} on {@code input}: a {@link Function} is applied, a {@link Predicate} filters a list, a
     * {@link Comparator} sorts a copy of a list, an {@link IntUnaryOperator} is applied to an {@code Integer}.
     *
     * @throws IllegalArgumentException if the job is none of these
     */
    @SuppressWarnings("unchecked")
    static Object run(Object job, Object input) {
        if (job instanceof Function<?, ?> function) {
            return ((Function<Object, Object>) function).apply(input);
        }
        if (job instanceof Predicate<?> predicate) {
            return ((List<Object>) input).stream().filter((Predicate<Object>) predicate).toList();
        }
        if (job instanceof Comparator<?> comparator) {
            List<Object> sorted = new ArrayList<>((List<Object>) input);
            sorted.sort((Comparator<Object>) comparator);
            return sorted;
        }
        if (job instanceof IntUnaryOperator operator) {
            return operator.applyAsInt((Integer) input);
        }
        throw new IllegalArgumentException("no way to run a " + job.getClass().getName());
    }
}
