package dev.ferry.it.specialize;

import static dev.ferry.it.specialize.ArgumentScenarios.boxOf;

import dev.ferry.api.Types;
import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Forked writer JVM, with Ferry and no key: {@code RefusalWriter <directory>} writes the streams a reader must refuse
 * ({@link #STREAMS}) and a control stream of {@code Box<Integer>} (printing {@code NAME control <its class name>}),
 * then tries to write specializations whose arguments no other JVM could resolve, printing {@code RESULT <case>
 * <what writing did>} for each of {@link #WRITER_CASES}; then the counters.
 */
public final class RefusalWriter {

    static final String UNKNOWN_GENERATOR = "unknown-generator";
    static final String REFUSED_ORIGIN = "refused-origin";
    static final String REFUSED_NESTED_ORIGIN = "refused-nested-origin";
    static final String UNSUPPORTED_ARGUMENT = "unsupported-argument";
    /** The streams the refusing reader reads, in order. */
    static final List<String> STREAMS = List.of(UNKNOWN_GENERATOR, REFUSED_ORIGIN, REFUSED_NESTED_ORIGIN,
            UNSUPPORTED_ARGUMENT);
    static final String CONTROL = "control";

    static final String TYPE_VARIABLE_IN_A_WILDCARD = "type-variable-in-a-wildcard";
    static final String TYPE_VARIABLE_AS_SECOND_ARGUMENT = "type-variable-as-second-argument";
    static final String TYPE_VARIABLE_IN_A_GENERIC_ARRAY = "type-variable-in-a-generic-array";
    static final String TYPE_VARIABLE_IN_AN_OWNER = "type-variable-in-an-owner";
    static final String HIDDEN_CLASS = "hidden-class";
    static final String GENERATED_CLASS_WITHOUT_KEY = "generated-class-without-key";
    static final List<String> WRITER_CASES = List.of(TYPE_VARIABLE_IN_A_WILDCARD, TYPE_VARIABLE_AS_SECOND_ARGUMENT,
            TYPE_VARIABLE_IN_A_GENERIC_ARRAY, TYPE_VARIABLE_IN_AN_OWNER, HIDDEN_CLASS, GENERATED_CLASS_WITHOUT_KEY);

    private RefusalWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        CratesGenerator.register();
        writeRefusedStreams(directory);
        Box<Object> control = Specimens.box(Integer.class, 42, CONTROL);
        Files.write(file(directory, CONTROL), Streams.write(control));
        System.out.println("NAME " + CONTROL + " " + control.getClass().getName());
        tryToWriteInexpressibleArguments();
        System.out.println(FerryCounters.line());
    }

    static Path file(Path directory, String stream) {
        return directory.resolve(stream + ".ser");
    }

    /** Each holds a known {@code Box<Byte>} in its recipe, which a refusing reader must not make either. */
    private static void writeRefusedStreams(Path directory) throws Exception {
        Box<Object> nested = Specimens.box(Byte.class, (byte) 1, "nested");
        Files.write(file(directory, UNKNOWN_GENERATOR),
                Streams.write(Specimens.crate(boxOf(Byte.class), nested, "of an unknown generator")));
        Files.write(file(directory, REFUSED_ORIGIN),
                Streams.write(Specimens.pair(boxOf(Byte.class), String.class, nested, "refused", "refused origin")));
        Type pairOfBytes = TemplateSpecializer.BOXES.specialize(Pair.class, Byte.class, Byte.class);
        Files.write(file(directory, REFUSED_NESTED_ORIGIN), Streams.write(Specimens.box(pairOfBytes,
                Specimens.pair(Byte.class, Byte.class, (byte) 2, (byte) 3, "refused"), "accepted outer origin")));
        Files.write(file(directory, UNSUPPORTED_ARGUMENT),
                Streams.write(Specimens.box(UUID.class, new UUID(1, 2), "unsupported")));
    }

    private static void tryToWriteInexpressibleArguments() throws Exception {
        Type variable = Box.class.getTypeParameters()[0];
        result(TYPE_VARIABLE_IN_A_WILDCARD, Specimens.box(Types.parameterized(List.class,
                Types.subtypeOf(variable)), null, "type variable"));
        result(TYPE_VARIABLE_AS_SECOND_ARGUMENT, Specimens.pair(String.class, variable, "a", "b", "type variable"));
        result(TYPE_VARIABLE_IN_A_GENERIC_ARRAY, Specimens.box(Types.arrayOf(variable), null, "type variable"));
        result(TYPE_VARIABLE_IN_AN_OWNER, Specimens.box(Types.parameterizedWithOwner(
                Types.parameterized(Outer.class, variable), Outer.Inner.class, String.class), null, "type variable"));
        result(HIDDEN_CLASS, Specimens.box(SubclassMaker.hidden(), null, "hidden"));
        Ingredient pepper = Specimens.ingredient("pepper", "no key to travel with");
        result(GENERATED_CLASS_WITHOUT_KEY, Specimens.box(pepper.getClass(), pepper, "no key"));
    }

    private static void result(String name, Object specimen) {
        String result;
        try {
            result = "WRITTEN " + Streams.write(specimen).length + " bytes";
        } catch (Exception e) {
            result = "REFUSED " + Failures.describeChain(e);
        }
        System.out.println("RESULT " + name + " " + result);
    }
}
