package dev.ferry.it.byvalue;

import java.io.Serializable;

/** The serializable class-path superclass of the Javassist proxies. */
public class Counter implements Serializable {

    private static final long serialVersionUID = 1L;

    private int value;

    public Counter() {
    }

    public void setValue(int value) {
        this.value = value;
    }

    public int next() {
        return ++value;
    }
}
