package dev.ferry.it.byvalue;

import java.io.Serializable;

/** The serializable class-path target of the Spring AOP class-based (CGLIB) proxy. */
public class Greeter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String salutation;

    public Greeter() {
        this("hello");
    }

    public Greeter(String salutation) {
        this.salutation = salutation;
    }

    public String greet(String name) {
        return salutation + " " + name;
    }
}
