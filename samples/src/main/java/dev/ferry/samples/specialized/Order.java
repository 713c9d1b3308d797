package dev.ferry.samples.specialized;

import dev.ferry.samples.specialized.library.Box;
import java.io.Serializable;
import java.util.Objects;

/** An ordinary class of the application, one of whose fields holds a generated model. */
final class Order implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final Box<Integer> quantity;

    Order(String id, Box<Integer> quantity) {
        this.id = Objects.requireNonNull(id, "id");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
    }

    Box<Integer> quantity() {
        return quantity;
    }

    /** {@code Order(A-17, Box<Integer>(3))}. */
    @Override
    public String toString() {
        return "Order(" + id + ", " + quantity + ")";
    }
}
