package dev.ferry.it.options;

import dev.ferry.it.options.internal.InternalLambdas;
import dev.ferry.it.support.Streams;
import java.util.function.IntUnaryOperator;

/**
 * Forked JVM: tells whether a plain lambda of this package and one of its subpackage {@code internal} can be written,
 * as {@code main=serializable} or {@code main=not-serializable: <exception>} (same for {@code internal=}).
 */
public final class OptionsProbe {

    private OptionsProbe() {
    }

    public static void main(String[] args) {
        int offset = 3;
        IntUnaryOperator mine = x -> x + offset;
        System.out.println("main=" + Streams.tryWrite(mine));
        System.out.println("internal=" + Streams.tryWrite(InternalLambdas.doubler()));
    }
}
