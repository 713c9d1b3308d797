package dev.ferry.it.forgery;

import java.io.Serializable;

/** An ordinary serializable class, whose descriptor a forgery dresses up as a Ferry lambda's. */
public final class Ordinary implements Serializable {

    private static final long serialVersionUID = 1L;

    final String text;

    Ordinary(String text) {
        this.text = text;
    }
}
