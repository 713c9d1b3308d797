package dev.ferry.it.specialize;

import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * Adapts a {@link TemplateSpecializer} to Ferry's SPI, as a framework would. Two system properties turn a reader's
 * generator against a stream, each a comma-separated list of class names: {@value #REFUSED_ORIGINS} makes
 * {@link #accepts} refuse those templates, {@value #UNSUPPORTED_ARGUMENTS} makes {@link #specialize} throw for
 * those arguments. Constructing one costs nothing: Ferry's {@code ServiceLoader} search makes one in every test JVM.
 */
abstract class LibraryGenerator implements SpecializationGenerator {

    static final String REFUSED_ORIGINS = "it.specialize.refusedOrigins";
    static final String UNSUPPORTED_ARGUMENTS = "it.specialize.unsupportedArguments";
    /** In the message of the exception {@link #specialize} throws for an unsupported argument. */
    static final String UNSUPPORTED_MARKER = "deliberately unsupported by this generator";

    private final String id;
    private final TemplateSpecializer library;

    LibraryGenerator(String id, TemplateSpecializer library) {
        this.id = id;
        this.library = library;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Specialization describe(Class<?> type) {
        Recipe recipe = library.recipeOf(type);
        return recipe == null ? null : Specialization.of(recipe.template(), recipe.arguments());
    }

    @Override
    public final boolean accepts(Class<?> origin) {
        return library.makes(origin) && !listed(REFUSED_ORIGINS).contains(origin.getName());
    }

    @Override
    public final Class<?> specialize(Class<?> origin, List<Type> arguments) {
        Set<String> unsupported = listed(UNSUPPORTED_ARGUMENTS);
        for (Type argument : arguments) {
            if (unsupported.contains(argument.getTypeName())) {
                throw new UnsupportedOperationException(argument.getTypeName() + " is " + UNSUPPORTED_MARKER + " ("
                        + UNSUPPORTED_ARGUMENTS + ")");
            }
        }
        return library.specialize(origin, arguments);
    }

    private static Set<String> listed(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? Set.of() : Set.of(value.split(","));
    }
}
