package dev.ferry.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassSelectionTest {

    private final ClassLoader app = ClassLoader.getSystemClassLoader();

    @Test
    void application_classes_should_be_prepared_by_default() {
        assertTrue(new ClassSelection(List.of(), List.of()).prepares(app, "com/acme/Main"));
    }

    @Test
    void jdk_and_ferry_classes_should_never_be_prepared() {
        ClassSelection all = new ClassSelection(List.of(), List.of());
        assertFalse(all.prepares(app, "dev/ferry/agent/Whatever"));
        assertFalse(all.prepares(null, "java/util/ArrayList"));
        assertFalse(all.prepares(ClassLoader.getPlatformClassLoader(), "java/sql/Date"));
        assertFalse(all.prepares(app, "jdk/internal/Foo"));
    }

    @Test
    void jdk_combinators_should_be_prepared_in_the_boot_loader_only() {
        ClassSelection all = new ClassSelection(List.of("com/acme"), List.of());
        assertTrue(all.prepares(null, "java/util/function/Function"));
        assertFalse(all.prepares(app, "java/util/function/Function"));
    }

    @Test
    void include_should_match_whole_package_or_class_names_only() {
        ClassSelection acme = new ClassSelection(List.of("com/acme"), List.of());
        assertTrue(acme.prepares(app, "com/acme/Main"));
        assertTrue(acme.prepares(app, "com/acme/sub/Main"));
        assertFalse(acme.prepares(app, "com/acmeX/Main"));
        assertFalse(acme.prepares(app, "org/other/Main"));
        ClassSelection oneClass = new ClassSelection(List.of("com/acme/Main"), List.of());
        assertTrue(oneClass.prepares(app, "com/acme/Main$Inner"));
        assertFalse(oneClass.prepares(app, "com/acme/Other"));
    }

    @Test
    void exclude_should_win_over_include() {
        ClassSelection selection = new ClassSelection(List.of("com/acme"), List.of("com/acme/internal"));
        assertTrue(selection.prepares(app, "com/acme/Main"));
        assertFalse(selection.prepares(app, "com/acme/internal/Secret"));
    }
}
