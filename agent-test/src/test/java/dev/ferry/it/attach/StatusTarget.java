package dev.ferry.it.attach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * An application started with Ferry: writes {@value #LAMBDAS} plain lambdas with an {@link ObjectOutputStream},
 * prints {@code READY}, and runs until its standard input ends.
 */
public final class StatusTarget {

    /** The lambdas written, one each: Ferry's {@code lambdas.written} counter must say this. */
    public static final int LAMBDAS = 3;

    private StatusTarget() {
    }

    public static void main(String[] args) throws IOException {
        int k = 4;
        Object[] lambdas = {(IntUnaryOperator) x -> x + k, (Supplier<String>) () -> "ahoy", (IntSupplier) () -> k};
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            for (Object lambda : lambdas) {
                out.writeObject(lambda);
            }
        }
        System.out.println("READY");
        System.in.transferTo(OutputStream.nullOutputStream());
    }
}
