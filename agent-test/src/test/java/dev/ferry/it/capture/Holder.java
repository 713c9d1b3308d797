package dev.ferry.it.capture;

import java.io.Serializable;

/** Serializable, but its field {@code worker} is not. */
public final class Holder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Worker worker;

    public Holder(Worker worker) {
        this.worker = worker;
    }

    public String describe() {
        return "holds " + worker.name();
    }
}
