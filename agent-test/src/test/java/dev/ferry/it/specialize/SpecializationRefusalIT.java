package dev.ferry.it.specialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.support.ReportedCounters;
import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.FerryCounters;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a specialization recipe cannot do, and how it says so. A writer refuses an argument no other JVM could resolve
 * (a type variable, a hidden class, a generated class without a key to travel with) with a
 * {@code NotSerializableException} naming the argument's path and the generator. A reader refuses a recipe whose
 * generator it does not know, whose origin its generator does not accept, or whose generator throws, with an
 * {@code InvalidClassException} naming the generator and the origin, counts the refusal by reason, prints nothing,
 * and makes no class for the refused recipe, not even a specialization nested in it that it knows. A reader without
 * Ferry fails as Java does. Controls in the same readers prove the streams sound.
 *
 * <p>JVM launches (3), on the JDK of this build (CI runs both): a {@link RefusalWriter} with Ferry and no key, a
 * {@link RefusalReader} with Ferry, no key, {@code Pair} refused and {@code UUID} arguments unsupported, and a
 * {@link ReaderWithoutFerry}.
 */
class SpecializationRefusalIT {

    private static final Jdk JDK = Jdk.ofThisBuild();
    private static final String NOT_SERIALIZABLE = "java.io.NotSerializableException";
    private static final String INVALID_CLASS = "java.io.InvalidClassException";
    private static final String BOX = Box.class.getName();
    private static final String PAIR = Pair.class.getName();
    private static final String OUTER = Outer.class.getName();

    @TempDir
    static Path files;

    private static final Once<JvmRun> WRITER = Once.of(() -> ForkedJvm.on(JDK).withFerry()
            .main(RefusalWriter.class, files.toString()).run().assertSucceeded());
    private static final Once<JvmRun> REFUSING_READER = Once.of(() -> {
        WRITER.get();
        return ForkedJvm.on(JDK).withFerry()
                .systemProperty(LibraryGenerator.REFUSED_ORIGINS, PAIR)
                .systemProperty(LibraryGenerator.UNSUPPORTED_ARGUMENTS, "java.util.UUID")
                .main(RefusalReader.class, files.toString()).run().assertSucceeded();
    });
    private static final Once<JvmRun> READER_WITHOUT_FERRY = Once.of(() -> {
        WRITER.get();
        return ForkedJvm.on(JDK).withoutFerry()
                .main(ReaderWithoutFerry.class, RefusalWriter.file(files, RefusalWriter.CONTROL).toString()).run()
                .assertSucceeded();
    });

    @Test
    void writer_should_refuse_a_type_variable_argument_naming_its_path_and_the_generator() {
        assertWriterRefused(RefusalWriter.TYPE_VARIABLE_IN_A_WILDCARD,
                BOX + "<#0> > java.util.List<#0> > ? extends #0");
    }

    @Test
    void writer_should_refuse_a_type_variable_second_argument_naming_its_index() {
        assertWriterRefused(RefusalWriter.TYPE_VARIABLE_AS_SECOND_ARGUMENT, PAIR + "<#1>");
    }

    @Test
    void writer_should_refuse_a_type_variable_array_component_naming_the_array_level() {
        assertWriterRefused(RefusalWriter.TYPE_VARIABLE_IN_A_GENERIC_ARRAY, BOX + "<#0> > []");
    }

    @Test
    void writer_should_refuse_a_type_variable_in_an_owner_type_naming_the_owner_level() {
        assertWriterRefused(RefusalWriter.TYPE_VARIABLE_IN_AN_OWNER,
                BOX + "<#0> > " + OUTER + "$Inner(owner) > " + OUTER + "<#0>");
    }

    @Test
    void writer_should_refuse_a_hidden_class_argument() {
        assertWriterRefused(RefusalWriter.HIDDEN_CLASS, BOX + "<#0>");
    }

    @Test
    void writer_without_a_key_should_refuse_a_generated_class_argument_that_could_only_travel_by_value() {
        String message = assertWriterRefused(RefusalWriter.GENERATED_CLASS_WITHOUT_KEY, BOX + "<#0>");
        assertTrue(message.contains("keyFile"), () -> "the refusal should say how to let the class travel: "
                + message);
    }

    @Test
    void specialization_written_without_a_key_should_be_read_by_a_reader_without_a_key() {
        assertEquals("ACCEPTED " + BOX + "<java.lang.Integer>{set Integer 42, note=control}",
                ProgramOutput.line(REFUSING_READER.get(), "RESULT", RefusalWriter.CONTROL));
    }

    @Test
    void recipe_naming_a_generator_the_reader_does_not_know_should_fail_naming_the_id_and_the_origin() {
        assertReaderRefused(RefusalWriter.UNKNOWN_GENERATOR, CratesGenerator.ID, Crate.class.getName());
    }

    @Test
    void recipe_of_an_origin_the_readers_generator_refuses_should_fail_naming_the_generator_and_the_origin() {
        assertReaderRefused(RefusalWriter.REFUSED_ORIGIN, BoxesGenerator.ID, PAIR);
    }

    @Test
    void recipe_with_a_nested_origin_the_readers_generator_refuses_should_fail_naming_that_origin() {
        assertReaderRefused(RefusalWriter.REFUSED_NESTED_ORIGIN, BoxesGenerator.ID, PAIR);
    }

    @Test
    void generator_that_throws_should_fail_the_read_naming_the_generator_and_the_origin_with_the_exception_as_cause() {
        String result = assertReaderRefused(RefusalWriter.UNSUPPORTED_ARGUMENT, BoxesGenerator.ID, BOX);
        String[] chain = result.split(" <- caused by ");
        assertTrue(chain.length > 1 && chain[1].startsWith(UnsupportedOperationException.class.getName() + ": ")
                        && chain[1].contains(LibraryGenerator.UNSUPPORTED_MARKER),
                () -> "the generator's exception should be the refusal's cause: " + result);
    }

    @Test
    void refused_recipes_should_make_no_class_not_even_a_known_specialization_nested_in_them() {
        JvmRun run = REFUSING_READER.get();
        assertEquals(java.util.List.of("0"), run.linesAfter("GENERATIONS "),
                () -> "the readers' generators should have made nothing while refusing\n" + run.report());
    }

    @Test
    void refusals_should_be_counted_by_reason() {
        assertReasons(RefusalWriter.UNKNOWN_GENERATOR, RefusalReasons.UNKNOWN_GENERATOR);
        assertReasons(RefusalWriter.REFUSED_ORIGIN, RefusalReasons.GENERATOR_REFUSED);
        assertReasons(RefusalWriter.REFUSED_NESTED_ORIGIN, RefusalReasons.GENERATOR_REFUSED);
        JvmRun run = REFUSING_READER.get();
        long refusals = FerryCounters.parse(run.stdout()).getOrDefault(FerryCounters.REFUSALS, -1L);
        assertTrue(refusals >= RefusalWriter.STREAMS.size(), () -> "each refused stream should count a refusal,"
                + " counted " + refusals + "\n" + run.report());
    }

    @Test
    void stream_of_an_unknown_generator_should_be_read_once_the_reader_registers_it() {
        assertEquals("ACCEPTED " + Crate.class.getName() + "<" + BOX + "<java.lang.Byte>>{set " + BOX
                + "<java.lang.Byte>{set Byte 1, note=nested}, note=of an unknown generator}",
                ProgramOutput.line(REFUSING_READER.get(), "RESULT", RefusalReader.ONCE_REGISTERED));
    }

    @Test
    void ferry_should_stay_silent_while_it_refuses() {
        ProgramOutput.assertFerrySilent(WRITER.get());
        ProgramOutput.assertFerrySilent(REFUSING_READER.get());
        ReportedCounters.assertNoTransformFailure(REFUSING_READER.get());
    }

    @Test
    void reader_without_ferry_should_fail_with_class_not_found_naming_the_generated_class() {
        String generated = ProgramOutput.line(WRITER.get(), "NAME", RefusalWriter.CONTROL);
        assertEquals("REFUSED java.lang.ClassNotFoundException: " + generated,
                ProgramOutput.line(READER_WITHOUT_FERRY.get(), "RESULT", RefusalWriter.CONTROL));
    }

    /**
     * {@code REFUSED java.io.NotSerializableException: ...} naming the generator and {@code path} as a whole level (not
     * followed by a deeper one); returns the message.
     */
    private static String assertWriterRefused(String name, String path) {
        String result = ProgramOutput.line(WRITER.get(), "RESULT", name);
        assertTrue(result.startsWith("REFUSED " + NOT_SERIALIZABLE + ": "),
                () -> name + " should be refused with NotSerializableException, got: " + result);
        String message = segment(result, NOT_SERIALIZABLE);
        assertTrue(message.contains("generator '" + BoxesGenerator.ID + "'"),
                () -> name + ": the refusal should name generator '" + BoxesGenerator.ID + "': " + message);
        int at = message.indexOf(path);
        assertTrue(at >= 0 && !message.startsWith(" > ", at + path.length()),
                () -> name + ": the refusal should name the argument path <" + path + ">: " + message);
        return message;
    }

    /** {@code REFUSED java.io.InvalidClassException: ...} naming {@code generator '<id>'} and the origin. */
    private static String assertReaderRefused(String stream, String generatorId, String origin) {
        String result = ProgramOutput.line(REFUSING_READER.get(), "RESULT", stream);
        assertTrue(result.startsWith("REFUSED " + INVALID_CLASS + ": "),
                () -> stream + " should be refused with InvalidClassException, got: " + result);
        String message = segment(result, INVALID_CLASS);
        assertTrue(message.contains("generator '" + generatorId + "'") && message.contains(origin),
                () -> stream + ": the refusal should name generator '" + generatorId + "' and " + origin + ": "
                        + message);
        return result;
    }

    /** The refused stream added one refusal, for {@code reason}, and none for another reason. */
    private static void assertReasons(String stream, String reason) {
        Map<String, Long> added = RefusalReasons.parse(ProgramOutput.line(REFUSING_READER.get(), "REASONS", stream));
        assertEquals(1L, added.getOrDefault(reason, 0L), () -> stream + " should count one " + reason
                + " refusal: " + added);
        assertEquals(1L, added.values().stream().mapToLong(Long::longValue).sum(),
                () -> stream + " should count no other refusal: " + added);
    }

    /** The first exception of the described chain ({@code A: m <- caused by B: m}) that is a {@code type}. */
    private static String segment(String result, String type) {
        for (String segment : result.substring(result.indexOf(' ') + 1).split(" <- caused by ")) {
            if (segment.startsWith(type + ":")) {
                return segment;
            }
        }
        return "(no " + type + " in " + result + ")";
    }
}
