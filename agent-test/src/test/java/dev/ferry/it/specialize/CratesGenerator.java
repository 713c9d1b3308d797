package dev.ferry.it.specialize;

import dev.ferry.api.Specializations;

/**
 * The generator of {@link TemplateSpecializer#CRATES}, registered explicitly ({@link #register()}) and never by
 * {@code ServiceLoader}: a reader that did not register it does not know its id.
 */
public final class CratesGenerator extends LibraryGenerator {

    static final String ID = "it.explicit";

    private static final CratesGenerator INSTANCE = new CratesGenerator();

    private CratesGenerator() {
        super(ID, TemplateSpecializer.CRATES);
    }

    /** Makes the generator known to this JVM (Ferry must be attached). */
    static void register() {
        Specializations.register(INSTANCE);
    }
}
