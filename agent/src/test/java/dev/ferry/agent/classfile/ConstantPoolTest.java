package dev.ferry.agent.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.instrument.ClassFiles;
import org.junit.jupiter.api.Test;

/** Finding a string of the constant pool by its encoded bytes, as the patch does for every class it prepares. */
class ConstantPoolTest {

    /** Constants of this class: an ASCII string, one with a two-byte and a three-byte character, and a NUL. */
    private static final String ACCENTED = "Café ⛴ ferry";
    private static final String WITH_NUL = "a\0b";

    @Test
    void every_utf8_constant_should_be_found_at_its_own_index() {
        ConstantPool pool = ClassFile.read(ClassFiles.of(ConstantPoolTest.class)).pool();
        int checked = 0;
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == ConstantPool.UTF8) {
                int found = pool.findUtf8(pool.utf8(i));
                assertEquals(pool.utf8(i), pool.utf8(found), "constant " + i);
                assertTrue(found <= i, "the first equal constant is found, not a later one");
                checked++;
            }
        }
        assertTrue(checked > 20, "the class has constants to check");
    }

    @Test
    void non_ascii_and_nul_should_be_found_as_the_class_file_encodes_them() {
        ConstantPool pool = ClassFile.read(ClassFiles.of(ConstantPoolTest.class)).pool();
        assertEquals(ACCENTED, pool.utf8(pool.findUtf8(ACCENTED)));
        assertEquals(WITH_NUL, pool.utf8(pool.findUtf8(WITH_NUL)));
    }

    @Test
    void absent_string_or_a_prefix_of_one_should_not_be_found() {
        ConstantPool pool = ClassFile.read(ClassFiles.of(ConstantPoolTest.class)).pool();
        // made at run time: a literal would itself be a constant of this class
        assertEquals(-1, pool.findUtf8(new StringBuilder("ssalc siht ni tnatsnoc on").reverse().toString()));
        assertEquals(-1, pool.findUtf8(ACCENTED.substring(0, ACCENTED.length() - 1)));
    }
}
