package dev.ferry.it.specialize;

import static dev.ferry.it.specialize.SpecializationScenario.sameClass;

import dev.ferry.api.Types;
import dev.ferry.it.support.Streams;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Eight threads read one stream at the same moment, before the reader made any of its specializations, through the
 * generator with the racy cache ({@link ClassCache#racy()}): Ferry calls the generator once at a time per recipe, so
 * each of the two recipes ({@code Box<Short>}, {@code Box<List<Box<Short>>>}) is made once and every thread gets the
 * same classes.
 */
final class ConcurrentFirstReads {

    static final String CHECK = "eight_threads_reading_new_specializations_at_once_should_make_each_class_once";

    private static final String FILE = "concurrent.ser";

    private ConcurrentFirstReads() {
    }

    static void write(Path directory) throws Exception {
        Box<Object> inner = Specimens.racyBox(Short.class, (short) 1);
        Files.write(directory.resolve(FILE), Streams.write(Specimens.racyBox(outerArgument(), List.of(inner))));
    }

    static String check(Path directory) throws Exception {
        byte[] stream = Files.readAllBytes(directory.resolve(FILE));
        List<Object> read = AtOnce.call(() -> Streams.readOne(stream));
        Map<Class<?>, Integer> classes = new IdentityHashMap<>();
        read.forEach(box -> classes.merge(box.getClass(), 1, Integer::sum));
        if (classes.size() != 1) {
            return AtOnce.THREADS + " threads got " + classes.size() + " classes: " + classes;
        }
        int inner = TemplateSpecializer.RACY_BOXES.generations(Box.class, Short.class);
        int outer = TemplateSpecializer.RACY_BOXES.generations(Box.class, outerArgument());
        if (inner != 1 || outer != 1) {
            return "the racy generator made Box<Short> " + inner + " times and Box<List<Box<Short>>> " + outer
                    + " times";
        }
        return sameClass("the box read", read.get(0), racyBoxOf(outerArgument()));
    }

    /** {@code List<Box<Short>>}, Box of the racy generator. */
    private static Type outerArgument() {
        return Types.parameterized(List.class, racyBoxOf(Short.class));
    }

    private static Class<?> racyBoxOf(Type argument) {
        return TemplateSpecializer.RACY_BOXES.specialize(Box.class, argument);
    }
}
