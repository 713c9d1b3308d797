package dev.ferry.it.capture;

/** Not serializable: what a lambda must not capture, directly or through a field. */
public final class Worker {

    private final String name;

    public Worker(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
