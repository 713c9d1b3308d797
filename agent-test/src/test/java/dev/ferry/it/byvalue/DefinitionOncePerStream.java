package dev.ferry.it.byvalue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.bytebuddy.dynamic.DynamicType;

/**
 * 1 and 20 instances of one generated class, each written in a stream of its own: the IT compares the two files'
 * sizes with the class file's size ({@code CLASS-FILE-SIZE <bytes>} on the writer's stdout), the reader checks that
 * all the instances read back with their state and one class.
 */
final class DefinitionOncePerStream {

    static final String CHECK = "instances_of_one_generated_class_read_from_1_and_20_instance_streams";
    static final String CLASS_FILE_SIZE = "CLASS-FILE-SIZE ";
    static final String ONE = "instances-1.ser";
    static final String TWENTY = "instances-20.ser";

    private DefinitionOncePerStream() {
    }

    static void write(Path directory) throws ReflectiveOperationException, IOException {
        DynamicType.Unloaded<Base> unloaded = ByteBuddyGenerators.fieldsType().make();
        System.out.println(CLASS_FILE_SIZE + unloaded.getBytes().length);
        Class<? extends Base> type = ByteBuddyGenerators.load(unloaded, Loading.WRAPPER);
        Files.write(directory.resolve(ONE), instances(type, 1));
        Files.write(directory.resolve(TWENTY), instances(type, 20));
    }

    static String check(Path directory, ObjectReader reader) throws Exception {
        Object[] one = reader.read(Files.readAllBytes(directory.resolve(ONE)), 1);
        Object[] twenty = reader.read(Files.readAllBytes(directory.resolve(TWENTY)), 20);
        Class<?> type = one[0].getClass();
        for (int i = 0; i < twenty.length; i++) {
            if (twenty[i].getClass() != type) {
                return "instance " + i + " of 20 has another class: " + IdentityAcrossStreams.describe(
                        twenty[i].getClass()) + " vs " + IdentityAcrossStreams.describe(type);
            }
            int weight = type.getField("weight").getInt(twenty[i]);
            if (weight != i || !((Base) twenty[i]).getLabel().equals("instance")) {
                return "instance " + i + " read back with weight " + weight + " and label " + ((Base) twenty[i])
                        .getLabel();
            }
        }
        return null;
    }

    /** One label string shared by all, as an application's constant would be: the stream repeats only handles. */
    private static byte[] instances(Class<? extends Base> type, int count)
            throws ReflectiveOperationException, IOException {
        String label = "instance";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                out.writeObject(ByteBuddyGenerators.setFields(ByteBuddyGenerators.instantiate(type, label), i, "t"));
            }
        }
        return bytes.toByteArray();
    }
}
