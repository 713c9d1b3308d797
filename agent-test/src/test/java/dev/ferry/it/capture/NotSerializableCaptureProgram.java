package dev.ferry.it.capture;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.function.Supplier;

/**
 * Forked JVM: writes lambdas that capture something not serializable and prints, per case,
 * {@code CASE <name> <is a NotSerializableException>|<exception class>|<message>}. The two lambdas are the only ones in {@code main}, so javac names
 * them {@code lambda$main$0} and {@code lambda$main$1}.
 */
public final class NotSerializableCaptureProgram {

    private NotSerializableCaptureProgram() {
    }

    public static void main(String[] args) {
        Holder holder = new Holder(new Worker("w1"));
        Supplier<String> throughAField = () -> holder.describe();
        report("through-a-field", throughAField);

        Worker worker = new Worker("w2");
        Supplier<String> directly = () -> worker.name();
        report("directly", directly);
    }

    private static void report(String name, Object lambda) {
        try {
            Streams.write(lambda);
            System.out.println("CASE " + name + " written");
        } catch (IOException e) {
            System.out.println("CASE " + name + " " + (e instanceof NotSerializableException) + "|"
                    + e.getClass().getName() + "|" + Failures.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
