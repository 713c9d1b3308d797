package dev.ferry.agent.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.boot.byvalue.ClassFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A class that names another only in a descriptor (a field's type, a parameter) still needs that class wherever it is
 * defined: reflection and the verifier load it. The inspector reports such classes apart from the class constants,
 * which the reference policy judges.
 */
class AsmClassFileInspectorTest {

    @Test
    void classes_named_only_in_member_descriptors_should_be_reported_as_descriptor_references() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "example/Shipped", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PUBLIC, "link", "Lexample/Link;", null, null).visitEnd();
        writer.visitField(Opcodes.ACC_PUBLIC, "links", "[[Lexample/Other;", null, null).visitEnd();
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "take", "(ILexample/Param;J)Lexample/Result;",
                null, null).visitEnd();
        writer.visitEnd();

        ClassFacts facts = new AsmClassFileInspector().inspect(writer.toByteArray());

        assertEquals(List.of("example/Link", "example/Other", "example/Param", "example/Result"),
                facts.descriptorReferences());
        assertFalse(facts.classReferences().contains("example/Link"),
                () -> "a descriptor is no class constant, which the reference policy judges: " + facts);
        assertTrue(facts.classReferences().contains("java/lang/Object"), facts::toString);
    }
}
