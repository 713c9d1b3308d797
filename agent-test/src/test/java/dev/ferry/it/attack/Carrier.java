package dev.ferry.it.attack;

import java.io.Serializable;

/**
 * The class-path superclass of the generated class the attack streams ship by value. Its members are public because
 * the generated subclass lives in another class loader, so another run-time package.
 */
public class Carrier implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String label;

    public Carrier(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String describe() {
        return "carrier(" + label + ")";
    }
}
