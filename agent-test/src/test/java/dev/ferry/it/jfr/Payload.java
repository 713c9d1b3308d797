package dev.ferry.it.jfr;

import java.io.Serializable;

/** The class-path superclass of the generated classes {@link JfrEventsProgram} ships by value. */
public class Payload implements Serializable {

    private static final long serialVersionUID = 1L;

    public String describe() {
        return "payload";
    }
}
