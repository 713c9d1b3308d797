package dev.ferry.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's layout, as rules: packages named by capability with no cycles between them; the public SPI
 * ({@code dev.ferry.api}) depends on nothing of the implementation; the classes Ferry defines in the boot loader
 * ({@code dev.ferry.boot}, {@code dev.ferry.api}) see only {@code java.base} and each other, since that is all a class
 * of the boot loader can reach; and nothing there names the agent loader's classes or ASM.
 */
class ArchitectureTest {

    private static JavaClasses ferry;

    @BeforeAll
    static void importClasses() {
        ferry = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ferry");
    }

    @Test
    void packages_should_have_no_cycles() {
        slices().matching("dev.ferry.(**)").should().beFreeOfCycles().check(ferry);
    }

    @Test
    void public_api_should_depend_on_nothing_of_the_implementation() {
        noClasses().that().resideInAPackage("dev.ferry.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.boot..", "dev.ferry.agent..")
                .check(ferry);
    }

    @Test
    void boot_loader_classes_should_see_only_java_base_and_each_other() {
        Set<String> javaBase = Object.class.getModule().getPackages();
        DescribedPredicate<JavaClass> reachableFromTheBootLoader = new DescribedPredicate<>(
                "in java.base, dev.ferry.boot or dev.ferry.api") {
            @Override
            public boolean test(JavaClass type) {
                String pkg = type.getPackageName();
                return javaBase.contains(pkg) || pkg.startsWith("dev.ferry.boot") || pkg.startsWith("dev.ferry.api")
                        || type.isPrimitive() || type.isArray() && test(type.getBaseComponentType());
            }
        };
        classes().that().resideInAnyPackage("dev.ferry.boot..", "dev.ferry.api..")
                .and().doNotHaveFullyQualifiedName("dev.ferry.boot.diagnostics.PlatformMBeanServerHook")
                .should().onlyDependOnClassesThat(reachableFromTheBootLoader)
                .because("a class defined in the boot loader resolves every name it uses there")
                .check(ferry);
    }

    @Test
    void only_the_platform_server_hook_should_name_java_management() {
        classes().that().haveFullyQualifiedName("dev.ferry.boot.diagnostics.PlatformMBeanServerHook")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang", "javax.management",
                        "dev.ferry.boot.diagnostics")
                .check(ferry);
    }
}
