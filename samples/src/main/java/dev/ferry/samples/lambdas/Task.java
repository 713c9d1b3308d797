package dev.ferry.samples.lambdas;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One task of the demo, as the {@link Driver} sees it.
 *
 * <p>Only {@code job} and {@code input} cross to the worker. {@code finish} stays in the driver: it is applied to the
 * worker's answer (and to the locally computed one) before they are compared, for the task whose answer is itself a
 * lambda that the driver then runs.
 *
 * @param name   what the task is, as printed
 * @param job    the lambda or method reference sent to the worker; its type is an ordinary functional interface
 * @param input  the value the worker runs the job on (see {@link Runner})
 * @param finish what the driver does with an answer before checking it, or {@code null} for nothing
 */
record Task(String name, Object job, Object input, UnaryOperator<Object> finish) {

    Task {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
    }

    /** A task whose answer is checked as the worker sends it. */
    Task(String name, Object job, Object input) {
        this(name, job, input, null);
    }

    /** Where the code ran, as printed: the worker, or the worker and then the driver. */
    String ranIn() {
        return finish == null ? "worker" : "worker, then driver";
    }

    /** Applies {@link #finish} to an answer, if this task has one. */
    Object finish(Object answer) {
        return finish == null ? answer : finish.apply(answer);
    }
}
