package dev.ferry.samples.specialized;

import dev.ferry.samples.process.Failure;
import dev.ferry.samples.process.Wire;
import dev.ferry.samples.specialized.library.TypedModel;
import dev.ferry.samples.specialized.library.TypedModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * The other JVM: reads generated models with a plain {@link ObjectInputStream} and says what it found.
 *
 * <p>The {@link Driver} starts it as {@code java -javaagent:ferry-agent.jar ... Worker <port>}, with the same library
 * on its class path, which has generated nothing yet in this JVM. For every frame it reads a sample's name and its
 * object, and answers with an {@link Inspection}: whether the class read is the one its own library returns for the
 * sample's specialization, the object as it reads, and how many validations ran and classes were generated while
 * reading. A sample that fails is answered with a {@link Failure} and its stack trace goes to stderr. It prints
 * nothing when all goes well, and exits 0 only when the driver says stop.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws IOException {
        Wire.serve(args, Worker.class, Worker::answer);
    }

    /** Reads one sample (its name, then its object) and returns its serialized {@link Inspection} or failure. */
    private static byte[] answer(byte[] request) throws IOException {
        Object result;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(request))) {
            Sample sample = Samples.named((String) objects.readObject());
            long validationsBefore = TypedModel.validations();
            int generatedBefore = TypedModels.generated();
            Object read = objects.readObject();
            long validations = TypedModel.validations() - validationsBefore;
            int generated = TypedModels.generated() - generatedBefore;

            Class<?> specialization = sample.classIn().apply(read);
            boolean identical = specialization == sample.specialization().get();
            result = new Inspection(specialization.getSimpleName(), identical, String.valueOf(read), validations,
                    generated, read);
        } catch (Exception | LinkageError e) {
            result = Failure.reported("sample failed", e);
        }
        return Wire.replyOf(result);
    }
}
