package dev.ferry.it.streams.blocked;

import java.util.function.Supplier;

/** A class in a package the reading application's own allow-list rejects. */
public final class Contraband {

    private Contraband() {
    }

    public static Supplier<String> smuggled(String goods) {
        return () -> "smuggled " + goods;
    }
}
