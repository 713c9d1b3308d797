package dev.ferry.samples.specialized.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TypedModelsTest {

    /** A field whose generic type is the JDK's own {@code ParameterizedType} for {@code List<String>}. */
    private static List<String> listOfString;

    @Test
    void specialize_should_return_one_class_per_template_and_arguments() {
        Class<?> boxOfInteger = TypedModels.specialize(Box.class, Integer.class);

        assertSame(boxOfInteger, TypedModels.specialize(Box.class, Integer.class));
        assertSame(boxOfInteger, Box.of(Integer.class).getClass());
        assertTrue(boxOfInteger != TypedModels.specialize(Box.class, Long.class));
        assertEquals(List.of(Integer.class), Box.of(Integer.class).typeArguments());
    }

    @Test
    void specialize_should_treat_a_jdk_parameterized_type_and_an_equal_one_of_ours_as_one_key() throws Exception {
        Type jdkListOfString = TypedModelsTest.class.getDeclaredField("listOfString").getGenericType();

        assertSame(TypedModels.specialize(Box.class, jdkListOfString),
                TypedModels.specialize(Box.class, GenericTypes.parameterized(List.class, String.class)));
    }

    @Test
    void specialize_should_generate_once_when_threads_ask_for_one_class_at_once() throws Exception {
        int before = TypedModels.generated();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Class<?>>> asked = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return TypedModels.specialize(Pair.class, Short.class, Character.class);
                }));
            }
            start.countDown();
            Set<Class<?>> classes = new HashSet<>();
            for (Future<Class<?>> answer : asked) {
                classes.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertEquals(1, classes.size());
            assertEquals(before + 1, TypedModels.generated());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void describe_should_tell_what_a_generated_class_was_made_from() {
        Class<?> boxOfInteger = TypedModels.specialize(Box.class, Integer.class);
        Type listOfBoxes = GenericTypes.parameterized(List.class, boxOfInteger);
        Class<?> boxOfBoxes = TypedModels.specialize(Box.class, listOfBoxes);

        assertEquals(Optional.of(new ModelType(Box.class, List.of(listOfBoxes))), TypedModels.describe(boxOfBoxes));
        assertEquals("Box<List<Box<Integer>>>", ModelType.nameOf(boxOfBoxes));
        assertEquals("Box<Integer>[]", ModelType.nameOf(boxOfInteger.arrayType()));
        assertEquals(Optional.empty(), TypedModels.describe(Box.class));
    }

    @Test
    void set_should_validate_against_the_type_argument_and_record_the_field() {
        long before = TypedModel.validations();
        Pair<String, Integer> pair = Pair.of(String.class, Integer.class).setFirst("ferry");

        assertEquals(Set.of("first"), pair.fieldsSet());
        assertEquals("Pair<String, Integer>(\"ferry\", unset)", pair.toString());
        assertThrows(IllegalStateException.class, pair::second);
        assertEquals(before + 1, TypedModel.validations());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void set_should_refuse_a_value_of_another_type_and_leave_the_field_unset() {
        Box raw = Box.of(Integer.class);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> raw.set("42"));
        assertEquals("Box<Integer>.value must be of type Integer: \"42\" is not", refused.getMessage());
        assertFalse(raw.isSet());
    }

    @Test
    void set_should_check_the_elements_of_a_collection_type() {
        Class<?> boxOfInteger = TypedModels.specialize(Box.class, Integer.class);
        Box<List<Object>> boxes = Box.ofType(GenericTypes.parameterized(List.class, boxOfInteger));

        assertThrows(IllegalArgumentException.class, () -> boxes.set(List.of(1)));
        assertTrue(boxes.set(List.of(Box.of(Integer.class).set(1))).isSet());
    }

    @Test
    void specialize_should_refuse_what_is_not_one_concrete_type_per_parameter() {
        assertThrows(IllegalArgumentException.class, () -> TypedModels.specialize(Box.class, Box.class
                .getTypeParameters()[0]));
        assertThrows(IllegalArgumentException.class, () -> TypedModels.specialize(Box.class, int.class));
        assertThrows(IllegalArgumentException.class, () -> TypedModels.specialize(Pair.class, String.class));
        assertThrows(IllegalArgumentException.class, () -> TypedModels.specialize(TypedModel.class));
    }
}
