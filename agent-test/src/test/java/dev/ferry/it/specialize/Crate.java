package dev.ferry.it.specialize;

/**
 * The template of {@link CratesGenerator}, a generator registered explicitly (never by {@code ServiceLoader}): a reader
 * that did not register it must refuse a crate's recipe.
 */
public abstract class Crate<T> extends Box<T> {

    private static final long serialVersionUID = 1L;
}
