package dev.ferry.samples.specialized.library;

import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import java.lang.reflect.Type;
import java.util.List;

/**
 * {@link TypedModels} as Ferry sees it: lets objects and {@code Class}es of generated models travel as recipes, so
 * that a reading JVM gets the class its own {@code TypedModels} returns for the same template and arguments.
 *
 * <p>The only class of the library that refers to Ferry. It is listed in
 * {@code META-INF/services/dev.ferry.api.SpecializationGenerator}, so Ferry finds it through {@code ServiceLoader}
 * and nothing loads it when Ferry is not attached: the library works the same without Ferry.
 */
public final class TypedModelGenerator implements SpecializationGenerator {

    /** Written into every stream: never change it once streams are out there. */
    static final String ID = "dev.ferry.samples.models";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Specialization describe(Class<?> type) {
        return TypedModels.describe(type)
                .map(made -> Specialization.of(made.template(), made.arguments()))
                .orElse(null);
    }

    @Override
    public boolean accepts(Class<?> origin) {
        return TypedModels.isTemplate(origin);
    }

    @Override
    public Class<?> specialize(Class<?> origin, List<Type> arguments) {
        return TypedModels.specialize(origin.asSubclass(TypedModel.class), arguments);
    }
}
