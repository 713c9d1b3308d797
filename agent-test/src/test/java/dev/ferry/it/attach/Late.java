package dev.ferry.it.attach;

import java.util.function.Function;

/** Loaded by {@link AttachTarget} only after Ferry is attached, so Ferry's transformer sees it load. */
public final class Late {

    private Late() {
    }

    /** A plain, non-serializable lambda capturing a string. */
    public static Function<String, String> greeter(String greeting) {
        return name -> greeting + ", " + name;
    }
}
