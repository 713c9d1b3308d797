package dev.ferry.it.specialize;

/** The generator of {@link TemplateSpecializer#RACY_BOXES}, whose cache is racy; found by {@code ServiceLoader}. */
public final class RacyBoxesGenerator extends LibraryGenerator {

    static final String ID = "it.racy";

    public RacyBoxesGenerator() {
        super(ID, TemplateSpecializer.RACY_BOXES);
    }
}
