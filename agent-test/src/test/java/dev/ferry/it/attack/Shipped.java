package dev.ferry.it.attack;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.io.Serializable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodDelegation;

/**
 * The generated classes the attack streams ship by value, made with Byte Buddy in one new class loader:
 * {@value #SHIPPED}, a {@link Carrier} whose {@code describe()} delegates to a {@link Tune} held in static state, and
 * which names {@value #LINK} in a field, so that its recipe links that class's recipe.
 */
public final class Shipped {

    public static final String SHIPPED = "dev.ferry.it.attack.generated.Shipped";
    public static final String LINK = "dev.ferry.it.attack.generated.Link";
    /** What a shipped instance describes itself as, read back with its static state intact. */
    public static final String DESCRIPTION = "shipped(payload) mood=as-written";

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private Shipped() {
    }

    public static Carrier make() throws ReflectiveOperationException {
        DynamicType.Unloaded<Object> link = BYTE_BUDDY.subclass(Object.class).implement(Serializable.class)
                .name(LINK).make();
        Class<? extends Carrier> shipped = BYTE_BUDDY.subclass(Carrier.class).name(SHIPPED)
                .defineField("link", link.getTypeDescription(), Visibility.PUBLIC)
                .method(named("describe"))
                .intercept(MethodDelegation.withDefaultConfiguration().filter(named("describe"))
                        .to(new Tune("as-written")))
                .make().include(link)
                .load(Carrier.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        return shipped.getConstructor(String.class).newInstance("payload");
    }
}
