package dev.ferry.samples.specialized;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One object of the demo, as the {@link Driver} and the {@link Worker} see it.
 *
 * @param name           what the object is; the driver sends it along so that the worker finds this sample
 * @param make           makes the object; called in the driver only, since making generates classes and validates
 * @param specialization the specialization the object holds, asked of the library; called in both JVMs
 * @param classIn        where that specialization is in the object: its class, a field's class, or a field's value
 */
record Sample(String name, Supplier<Object> make, Supplier<Class<?>> specialization,
        Function<Object, Class<?>> classIn) {

    Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(make, "make");
        Objects.requireNonNull(specialization, "specialization");
        Objects.requireNonNull(classIn, "classIn");
    }

    /** A sample whose object is itself of the specialization. */
    Sample(String name, Supplier<Object> make, Supplier<Class<?>> specialization) {
        this(name, make, specialization, Object::getClass);
    }
}
