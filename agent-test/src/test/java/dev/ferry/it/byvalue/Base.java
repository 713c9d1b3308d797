package dev.ferry.it.byvalue;

import java.io.Serializable;

/**
 * The class-path superclass of the generated subclasses: serializable, with state ({@code label}) and behaviour
 * ({@link #describe()}, {@link #compute(int)}) that a subclass may override. Its members are public because a class
 * materialized in another class loader is in another run-time package.
 */
public class Base implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String label;

    public Base() {
        this("unlabelled");
    }

    public Base(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String describe() {
        return "base(" + label + ")";
    }

    public int compute(int x) {
        return x * 2;
    }
}
