package dev.ferry.it.hazelcast.client;

import dev.ferry.it.hazelcast.shared.Labelled;
import java.lang.reflect.InvocationTargetException;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Objects of a subclass of {@link Labelled} that Byte Buddy generates in the client, under a random name no member
 * knows. Class-file version 61, so that a JDK 17 member can define it when a JDK 25 client made it.
 */
final class GeneratedLabels {

    private GeneratedLabels() {
    }

    static Labelled labelled(String sender, String label) {
        Class<? extends Labelled> generated = new ByteBuddy(ClassFileVersion.JAVA_V17)
                .subclass(Labelled.class)
                .method(ElementMatchers.named("label")).intercept(FixedValue.value(label))
                .make()
                .load(GeneratedLabels.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        try {
            return generated.getConstructor(String.class).newInstance(sender);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate " + generated.getName(), e);
        }
    }
}
