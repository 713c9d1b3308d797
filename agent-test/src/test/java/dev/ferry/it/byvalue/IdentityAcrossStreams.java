package dev.ferry.it.byvalue;

import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One generated class, an instance of it in each of two stream files: one reader JVM must get one class. */
final class IdentityAcrossStreams {

    static final String CHECK = "one_generated_class_read_from_two_streams_is_one_class";

    private static final String FIRST = "identity-first.ser";
    private static final String SECOND = "identity-second.ser";

    private IdentityAcrossStreams() {
    }

    static void write(Path directory) throws ReflectiveOperationException, IOException {
        Base first = ByteBuddyGenerators.withFields(Loading.WRAPPER, "first stream", 1, "one");
        Base second = ByteBuddyGenerators.setFields(ByteBuddyGenerators.instantiate(first.getClass(), "second stream"),
                2, "two");
        Files.write(directory.resolve(FIRST), Streams.write(first));
        Files.write(directory.resolve(SECOND), Streams.write(second));
    }

    /** Each file through an {@code ObjectInputStream} of its own. */
    static String check(Path directory, ObjectReader reader) throws Exception {
        Base first = (Base) reader.readOne(Files.readAllBytes(directory.resolve(FIRST)));
        Base second = (Base) reader.readOne(Files.readAllBytes(directory.resolve(SECOND)));
        if (first.getClass() != second.getClass()) {
            return "two classes: " + describe(first.getClass()) + " and " + describe(second.getClass());
        }
        String states = first.getLabel() + "/" + second.getLabel();
        return states.equals("first stream/second stream") ? null : "unexpected labels " + states;
    }

    static String describe(Class<?> type) {
        return type.getName() + "@" + Integer.toHexString(System.identityHashCode(type)) + " in "
                + type.getClassLoader();
    }
}
