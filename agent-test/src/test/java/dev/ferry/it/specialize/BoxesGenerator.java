package dev.ferry.it.specialize;

/** The generator of {@link TemplateSpecializer#BOXES}, found by {@code ServiceLoader}. */
public final class BoxesGenerator extends LibraryGenerator {

    static final String ID = "it.boxes";

    public BoxesGenerator() {
        super(ID, TemplateSpecializer.BOXES);
    }
}
