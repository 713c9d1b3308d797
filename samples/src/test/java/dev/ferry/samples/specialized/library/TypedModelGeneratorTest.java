package dev.ferry.samples.specialized.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.api.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TypedModelGeneratorTest {

    private final SpecializationGenerator generator = new TypedModelGenerator();

    @Test
    void generator_should_be_found_by_service_loader() {
        assertTrue(ServiceLoader.load(SpecializationGenerator.class).stream()
                .anyMatch(provider -> provider.type() == TypedModelGenerator.class));
    }

    @Test
    void generator_should_describe_only_the_classes_the_library_generated() {
        Class<?> pair = TypedModels.specialize(Pair.class, String.class, Integer.class);

        assertEquals(Specialization.of(Pair.class, String.class, Integer.class), generator.describe(pair));
        assertNull(generator.describe(Pair.class));
        assertNull(generator.describe(String.class));
    }

    @Test
    void generator_should_accept_templates_only() {
        assertTrue(generator.accepts(Box.class));
        assertFalse(generator.accepts(TypedModel.class));
        assertFalse(generator.accepts(TypedModels.specialize(Box.class, Integer.class)));
        assertFalse(generator.accepts(List.class));
    }

    @Test
    void generator_should_return_the_cached_class_for_ferrys_equal_types() {
        Class<?> boxOfInteger = TypedModels.specialize(Box.class, Integer.class);
        Class<?> cached = TypedModels.specialize(Box.class, GenericTypes.parameterized(List.class, boxOfInteger));

        assertSame(cached, generator.specialize(Box.class, List.of(Types.parameterized(List.class, boxOfInteger))));
    }

    /** The library must work without Ferry: only the generator may refer to {@code dev.ferry.api}. */
    @Test
    void only_the_generator_should_refer_to_ferry() throws IOException, URISyntaxException {
        Path classes = Path.of(TypedModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path library = classes.resolve(TypedModels.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(library)) {
            List<String> referring = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(TypedModelGeneratorTest::refersToFerry)
                    .map(file -> file.getFileName().toString())
                    .toList();

            assertEquals(List.of(TypedModelGenerator.class.getSimpleName() + ".class"), referring);
        }
    }

    private static boolean refersToFerry(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("dev/ferry/api/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
