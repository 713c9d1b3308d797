package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ferry's types stand for the JDK's own in a generator's cache: equal both ways, same hash code. */
class TypesTest {

    @SuppressWarnings("unused")
    private static final class Shapes {
        List<Integer> list;
        Map.Entry<String, Integer> entry;
        List<? extends Number> extendsNumber;
        List<? super Integer> superInteger;
        List<?> unbounded;
        List<String>[] genericArray;
    }

    private static Type field(String name) throws NoSuchFieldException {
        return Shapes.class.getDeclaredField(name).getGenericType();
    }

    private static Type argument(String name) throws NoSuchFieldException {
        return ((ParameterizedType) field(name)).getActualTypeArguments()[0];
    }

    private static void assertInterchangeable(Type jdk, Type ferry) {
        assertEquals(jdk, ferry);
        assertEquals(ferry, jdk);
        assertEquals(jdk.hashCode(), ferry.hashCode());
        assertEquals(jdk.getTypeName(), ferry.getTypeName());
    }

    @Test
    void parameterized_types_should_equal_the_jdks_including_the_owner_of_a_nested_type() throws Exception {
        assertInterchangeable(field("list"), Types.parameterized(List.class, Integer.class));
        assertInterchangeable(field("entry"), Types.parameterized(Map.Entry.class, String.class, Integer.class));
    }

    @Test
    void wildcards_should_equal_the_jdks_for_upper_lower_and_no_bound() throws Exception {
        assertInterchangeable(argument("extendsNumber"), Types.subtypeOf(Number.class));
        assertInterchangeable(argument("superInteger"), Types.supertypeOf(Integer.class));
        assertInterchangeable(argument("unbounded"), Types.subtypeOf(Object.class));
        assertEquals("?", Types.wildcard(new Type[] {Object.class}, new Type[0]).toString());
    }

    @Test
    void array_of_a_class_should_be_the_array_class_and_of_a_generic_type_a_generic_array() throws Exception {
        assertSame(String[].class, Types.arrayOf(String.class));
        assertInterchangeable(field("genericArray"), Types.arrayOf(Types.parameterized(List.class, String.class)));
    }

    @Test
    void wrong_argument_count_or_missing_upper_bound_should_be_refused() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> Types.parameterized(Map.class, String.class));
        assertEquals("java.util.Map has 2 type parameters, not 1", count.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Types.wildcard(new Type[0], new Type[0]));
        WildcardType unbounded = Types.wildcard(new Type[] {Object.class}, new Type[0]);
        assertEquals(Types.subtypeOf(Object.class), unbounded);
    }
}
