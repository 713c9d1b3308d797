package dev.ferry.boot.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A wire class's name says its capturing class and the writer's index; nothing else parses as one. */
class WireNameTest {

    @Test
    void name_should_give_the_capturing_class_and_the_index() {
        assertEquals(new WireClasses.WireName("com.acme.Job", 12), WireClasses.parse("com.acme.Job$$FerryLambda$12"));
        assertEquals(new WireClasses.WireName("com.acme.Job$Inner", 0),
                WireClasses.parse("com.acme.Job$Inner$$FerryLambda$0"));
    }

    @Test
    void name_a_redefinition_chose_should_give_the_same_index() {
        assertEquals(new WireClasses.WireName("com.acme.Job", 3), WireClasses.parse("com.acme.Job$$FerryLambda$3$1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.Job", "$$FerryLambda$0", "com.acme.Job$$FerryLambda$",
        "com.acme.Job$$FerryLambda$01", "com.acme.Job$$FerryLambda$x", "com.acme.Job$$FerryLambda$123456", "com.acme.Job$$FerryLambda$1$",
        "com.acme.Job$$FerryLambda$1$0", "com.acme.Job$$FerryLambda$1$2$3", "com.acme.Job$$FerryLambda$-1"})
    void any_other_name_should_parse_as_none(String name) {
        assertNull(WireClasses.parse(name));
    }
}
