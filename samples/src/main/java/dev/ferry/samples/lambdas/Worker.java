package dev.ferry.samples.lambdas;

import dev.ferry.samples.process.Failure;
import dev.ferry.samples.process.Wire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * The other JVM: reads lambdas with a plain {@link ObjectInputStream}, runs them, and answers.
 *
 * <p>The {@link Driver} starts it as {@code java -javaagent:ferry-agent.jar ... Worker <port>}. It connects to the
 * driver on the loopback address, then for every frame reads a job and its input, runs the job with {@link Runner},
 * and writes the result back with a plain {@link ObjectOutputStream}. A task that fails is answered with a
 * {@link Failure} and its stack trace goes to stderr; the worker then carries on with the next task. It prints nothing
 * when all goes well, and exits 0 only when the driver says stop.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws IOException {
        Wire.serve(args, Worker.class, Worker::answer);
    }

    /** Reads one task (a job, then its input), runs it, and returns the serialized result or {@link Failure}. */
    private static byte[] answer(byte[] task) throws IOException {
        Object result;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(task))) {
            Object job = objects.readObject();
            Object input = objects.readObject();
            result = Runner.run(job, input);
        } catch (Exception | LinkageError e) {
            result = Failure.reported("task failed", e);
        }
        return Wire.replyOf(result);
    }
}
