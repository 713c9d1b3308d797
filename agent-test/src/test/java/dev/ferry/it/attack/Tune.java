package dev.ferry.it.attack;

import java.io.Serializable;
import net.bytebuddy.implementation.bind.annotation.This;

/**
 * Static state of the shipped class: Byte Buddy keeps this delegation target in a static field it sets after the
 * class is loaded, so it travels in the class's recipe, as a nested stream the reader's filter judges.
 */
public final class Tune implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String mood;

    public Tune(String mood) {
        this.mood = mood;
    }

    /** Replaces {@link Carrier#describe()} of the shipped class. */
    public String describe(@This Carrier self) {
        return "shipped(" + self.getLabel() + ") mood=" + mood;
    }
}
