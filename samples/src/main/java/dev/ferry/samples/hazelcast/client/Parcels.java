package dev.ferry.samples.hazelcast.client;

import java.lang.reflect.InvocationTargetException;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/** Makes parcels of a class Byte Buddy generates in this JVM, under a name no other JVM knows. */
final class Parcels {

    private Parcels() {
    }

    /** A parcel from {@code sender} of a new generated subclass whose {@code label()} is {@code label}. */
    static Parcel labelled(String sender, String label) {
        Class<? extends Parcel> generated = new ByteBuddy(ClassFileVersion.JAVA_V17)
                .subclass(Parcel.class)
                .method(ElementMatchers.named("label")).intercept(FixedValue.value(label))
                .make()
                .load(Parcels.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        try {
            return generated.getConstructor(String.class).newInstance(sender);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a parcel of " + generated.getName(), e);
        }
    }
}
