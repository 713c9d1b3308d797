package dev.ferry.it.byvalue;

import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.MethodDelegation;

/**
 * Classes made with Byte Buddy, as an application makes them. Java 17 class files on both JDKs, so that what a JDK 25
 * writer generates can be defined by a JDK 17 reader.
 */
final class ByteBuddyGenerators {

    /** The package of the generated interface and named classes: no class of it exists on the class path. */
    static final String GENERATED_PACKAGE = "dev.ferry.it.byvalue.generated";

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private ByteBuddyGenerators() {
    }

    /** (a) {@code describe()} overridden with a constant. */
    static Base fixedValue(Loading loading, String fixed, String label) throws ReflectiveOperationException {
        return instantiate(load(BYTE_BUDDY.subclass(Base.class)
                .method(named("describe")).intercept(FixedValue.value(fixed)).make(), loading), label);
    }

    /** (b) Two public fields defined by the generator, set by reflection after instantiation. */
    static Base withFields(Loading loading, String label, int weight, String tag) throws ReflectiveOperationException {
        Class<? extends Base> type = load(fieldsType().make(), loading);
        return setFields(instantiate(type, label), weight, tag);
    }

    /** (c) {@code describe()} delegated to a serializable interceptor instance kept in a static field. */
    static Base delegating(Loading loading, LabelInterceptor interceptor, String label)
            throws ReflectiveOperationException {
        return instantiate(load(BYTE_BUDDY.subclass(Base.class)
                .method(named("describe")).intercept(delegationTo(interceptor)).make(), loading), label);
    }

    /** A subclass with one public {@code Object peer} field, for graphs through a generated instance. */
    static Class<? extends Base> withPeerField() {
        return load(BYTE_BUDDY.subclass(Base.class).defineField("peer", Object.class, Visibility.PUBLIC).make(),
                Loading.WRAPPER);
    }

    /** A generated subclass of a generated subclass of {@link Base}, the second defined in the first's loader. */
    static Base subclassOfSubclass(String label, String level) throws ReflectiveOperationException {
        Class<? extends Base> first = load(BYTE_BUDDY.subclass(Base.class)
                .defineField("level", String.class, Visibility.PUBLIC)
                .method(named("compute")).intercept(FixedValue.value(41)).make(), Loading.WRAPPER);
        Class<? extends Base> second = GeneratedClasses.remember(BYTE_BUDDY.subclass(first)
                .method(named("describe")).intercept(FixedValue.value("subclass of a generated subclass")).make()
                .load(first.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded());
        Base instance = instantiate(second, label);
        second.getField("level").set(instance, level);
        return instance;
    }

    /** An interface that exists only in this JVM: {@code String shout(String)}. */
    static Class<?> generatedInterface() {
        return GeneratedClasses.remember(BYTE_BUDDY.makeInterface().name(GENERATED_PACKAGE + ".Shouter")
                .defineMethod("shout", String.class, Visibility.PUBLIC).withParameters(String.class).withoutCode()
                .make().load(Base.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded());
    }

    /** The type of {@link #withFields}, unloaded: its class file's size is what a stream must not repeat. */
    static DynamicType.Builder<Base> fieldsType() {
        return BYTE_BUDDY.subclass(Base.class)
                .defineField("weight", int.class, Visibility.PUBLIC)
                .defineField("tag", String.class, Visibility.PUBLIC);
    }

    static Base setFields(Base instance, int weight, String tag) throws ReflectiveOperationException {
        instance.getClass().getField("weight").setInt(instance, weight);
        instance.getClass().getField("tag").set(instance, tag);
        return instance;
    }

    /** A subclass with a fixed {@code describe()} and the given name (so that its package is known). */
    static Base withName(String name, String fixed, String label) throws ReflectiveOperationException {
        return instantiate(load(BYTE_BUDDY.subclass(Base.class).name(name)
                .method(named("describe")).intercept(FixedValue.value(fixed)).make(), Loading.WRAPPER), label);
    }

    /**
     * A subclass that delegates {@code describe()} to {@code interceptor} (static state) and whose static initializer
     * calls {@link Canary#sing}, so that initializing it shows on stdout.
     */
    static Base staticStateCarrier(String name, LabelInterceptor interceptor, String label)
            throws ReflectiveOperationException {
        MethodCall canary = MethodCall.invoke(Canary.class.getMethod("sing", String.class)).with(name);
        return instantiate(load(BYTE_BUDDY.subclass(Base.class).name(name)
                .invokable(isTypeInitializer()).intercept(canary)
                .method(named("describe")).intercept(delegationTo(interceptor)).make(), Loading.WRAPPER), label);
    }

    static <T> Class<? extends T> load(DynamicType.Unloaded<T> unloaded, Loading loading) {
        return GeneratedClasses.remember(unloaded.load(Base.class.getClassLoader(), loading.strategy()).getLoaded());
    }

    static Base instantiate(Class<? extends Base> type, String label) throws ReflectiveOperationException {
        return type.getConstructor(String.class).newInstance(label);
    }

    /** The generated classes between {@code type} and {@link Base}: 1 for a direct subclass. */
    static int depthBelowBase(Class<?> type) {
        int depth = 0;
        for (Class<?> current = type; current != Base.class && current != null; current = current.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    static boolean isInstanceField(Field field) {
        return !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic();
    }

    private static MethodDelegation delegationTo(LabelInterceptor interceptor) {
        return MethodDelegation.withDefaultConfiguration().filter(named("describe")).to(interceptor);
    }
}
