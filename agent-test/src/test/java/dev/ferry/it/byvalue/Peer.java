package dev.ferry.it.byvalue;

import java.io.Serializable;

/** A class-path object that refers back to a generated one: a cycle through a generated instance. */
public class Peer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private Object back;

    public Peer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Object back() {
        return back;
    }

    public void setBack(Object back) {
        this.back = back;
    }
}
