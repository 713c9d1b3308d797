package dev.ferry.it.specialize;

import static dev.ferry.it.specialize.ArgumentScenarios.boxOf;
import static dev.ferry.it.specialize.SpecializationScenario.firstOf;
import static dev.ferry.it.specialize.SpecializationScenario.sameClass;

import dev.ferry.it.support.Streams;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reader whose generator made {@code Box<Character>} before reading gets that class, from two streams, and its
 * generator makes no other.
 */
final class MadeBeforeReading {

    static final String CHECK = "reader_that_made_a_specialization_before_reading_should_get_that_class_from_each_"
            + "stream";

    private static final String FILE = "made-before-reading.ser";

    private MadeBeforeReading() {
    }

    static void write(Path directory) throws Exception {
        Files.write(directory.resolve(FILE), Streams.write(Specimens.box(Character.class, 'c', "made before")));
    }

    static String check(Path directory) throws Exception {
        Class<?> madeBefore = boxOf(Character.class);
        byte[] stream = Files.readAllBytes(directory.resolve(FILE));
        Object first = Streams.readOne(stream);
        Object second = Streams.readOne(stream);
        int generations = TemplateSpecializer.BOXES.generations(Box.class, Character.class);
        return firstOf(sameClass("the box of the first stream", first, madeBefore),
                sameClass("the box of the second stream", second, madeBefore),
                generations == 1 ? null : "the generator made Box<Character> " + generations + " times");
    }
}
