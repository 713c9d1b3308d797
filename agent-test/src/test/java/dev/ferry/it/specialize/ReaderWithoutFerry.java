package dev.ferry.it.specialize;

import dev.ferry.it.support.ReadVerdict;
import java.nio.file.Path;

/**
 * Forked reader JVM without Ferry: {@code ReaderWithoutFerry <file>} reads a stream as any application would,
 * printing {@code RESULT control <verdict>}. Touches nothing of Ferry's API, which only Ferry puts on the boot class
 * path.
 */
public final class ReaderWithoutFerry {

    private ReaderWithoutFerry() {
    }

    public static void main(String[] args) {
        System.out.println("RESULT " + RefusalWriter.CONTROL + " " + ReadVerdict.of(Path.of(args[0]),
                Descriptions::of));
    }
}
