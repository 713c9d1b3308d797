package dev.ferry.boot.lambda;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lambda call site of a prepared class, resolved in this JVM: what the writer's bootstrap links, and what a reader
 * matched a recipe against. Both sides adapt the implementation method with the same {@link #invoker} so that a lambda
 * behaves the same before and after it crossed.
 */
public final class LambdaSite {

    private final Class<?> capturingClass;
    private final int index;
    private final int hash;
    private final String enclosingMethod;
    private final String implementationName;
    private final String samName;
    private final MethodType factoryType;
    private final MethodType samType;
    private final MethodType instantiatedType;
    private final MethodHandle implementation;
    private final Class<?>[] interfaces;
    private final MethodType[] bridges;
    private volatile MethodHandle genericInvoker;

    LambdaSite(Class<?> capturingClass, int index, int hash, String enclosingMethod, String implementationName,
            String samName, MethodType factoryType, MethodType samType, MethodType instantiatedType,
            MethodHandle implementation, Class<?>[] markers, MethodType[] bridges) {
        this.capturingClass = capturingClass;
        this.index = index;
        this.hash = hash;
        this.enclosingMethod = enclosingMethod;
        this.implementationName = implementationName;
        this.samName = samName;
        this.factoryType = factoryType;
        this.samType = samType;
        this.instantiatedType = instantiatedType;
        // LambdaMetafactory never collects varargs itself: javac bridges varargs method references with a lambda body.
        this.implementation = implementation.asFixedArity();
        this.interfaces = interfacesOf(factoryType.returnType(), markers);
        this.bridges = distinctBridges(samType, bridges);
    }

    private static Class<?>[] interfacesOf(Class<?> functionalInterface, Class<?>[] markers) {
        Set<Class<?>> all = new LinkedHashSet<>();
        all.add(functionalInterface);
        all.addAll(Arrays.asList(markers));
        return all.toArray(new Class<?>[0]);
    }

    private static MethodType[] distinctBridges(MethodType samType, MethodType[] bridges) {
        Set<MethodType> distinct = new LinkedHashSet<>(Arrays.asList(bridges));
        distinct.remove(samType);
        return distinct.toArray(new MethodType[0]);
    }

    public Class<?> capturingClass() {
        return capturingClass;
    }

    public int index() {
        return index;
    }

    public int hash() {
        return hash;
    }

    public String samName() {
        return samName;
    }

    public MethodType samType() {
        return samType;
    }

    public MethodType factoryType() {
        return factoryType;
    }

    /** The functional interface first, then the marker interfaces. */
    public Class<?>[] interfaces() {
        return interfaces.clone();
    }

    public MethodType[] bridges() {
        return bridges.clone();
    }

    /** The types of the captured values, in the order they are captured and written. */
    public Class<?> capturedType(int i) {
        return factoryType.parameterType(i);
    }

    public int capturedCount() {
        return factoryType.parameterCount();
    }

    /**
     * The implementation method adapted the way {@code LambdaMetafactory} does: captured values first, then the
     * parameters of {@code erased}, each converted to the instantiated type and on to the implementation's type.
     */
    public MethodHandle invoker(MethodType erased) {
        MethodType instantiated = instantiatedType.insertParameterTypes(0, factoryType.parameterArray());
        MethodType target = erased.insertParameterTypes(0, factoryType.parameterArray());
        return implementation.asType(instantiated).asType(target);
    }

    /** Invokes the lambda with boxed captured values and arguments (the reader's proxies go through here). */
    public Object invoke(Object[] captured, Object[] args) throws Throwable {
        MethodHandle generic = genericInvoker;
        if (generic == null) {
            int arity = captured.length + samType.parameterCount();
            generic = invoker(samType).asType(MethodType.genericMethodType(arity)).asSpreader(Object[].class, arity);
            genericInvoker = generic;
        }
        Object[] all = Arrays.copyOf(captured, captured.length + (args == null ? 0 : args.length));
        if (args != null) {
            System.arraycopy(args, 0, all, captured.length, args.length);
        }
        return generic.invokeExact(all);
    }

    /** Whether {@code method} (called on a proxy of this site) is the functional method or one of its bridges. */
    public boolean isFunctionalMethod(Method method) {
        return Modifier.isAbstract(method.getModifiers())
                && method.getName().equals(samName)
                && method.getParameterCount() == samType.parameterCount();
    }

    /** A proxy implementing this site's interfaces, defined where the capturing class's loader sees them. */
    public Object newProxy(InvocationHandler handler) {
        return Proxy.newProxyInstance(capturingClass.getClassLoader(), interfaces, handler);
    }

    /** Whether {@code proxyClass} implements exactly this site's interfaces. */
    public boolean matchesProxy(Class<?> proxyClass) {
        return Set.of(proxyClass.getInterfaces()).equals(Set.of(interfaces));
    }

    /** {@code lambda com.acme.Main.lambda$main$0 (in main, as java.util.function.Function)}, for messages. */
    public String describe() {
        return "lambda " + implementationName + " (in " + capturingClass.getName() + "." + enclosingMethod
                + ", as " + interfaces[0].getName() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    static MethodHandles.Lookup lookupFor(Class<?> capturingClass) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(capturingClass, MethodHandles.lookup());
    }
}
