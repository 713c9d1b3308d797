package dev.ferry.boot.lambda;

import java.io.ObjectStreamField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lambda call site of a prepared class, resolved in this JVM: its types and its implementation method, what the
 * call site's wire class ({@link WireClasses}) is made of and calls.
 */
public final class LambdaSite {

    private final Class<?> capturingClass;
    private final SymbolicCallSite symbolic;
    private final MethodType factoryType;
    private final MethodType samType;
    private final MethodType instantiatedType;
    private final MethodHandle implementation;
    private final Class<?>[] interfaces;
    private final MethodType[] bridges;
    /** The wire class's serial fields, in the order the JDK describes them (primitives first, then by name). */
    private final ObjectStreamField[] serialFields;

    LambdaSite(Class<?> capturingClass, SymbolicCallSite symbolic, MethodType factoryType, MethodType samType,
            MethodType instantiatedType, MethodHandle implementation, Class<?>[] markers, MethodType[] bridges) {
        this.capturingClass = capturingClass;
        this.symbolic = symbolic;
        this.factoryType = factoryType;
        this.samType = samType;
        this.instantiatedType = instantiatedType;
        // LambdaMetafactory never collects varargs itself: javac bridges varargs method references with a lambda body.
        this.implementation = implementation.asFixedArity();
        this.interfaces = interfacesOf(factoryType.returnType(), markers);
        this.bridges = distinctBridges(samType, bridges);
        this.serialFields = new ObjectStreamField[factoryType.parameterCount()];
        for (int i = 0; i < serialFields.length; i++) {
            Class<?> type = factoryType.parameterType(i);
            serialFields[i] = new ObjectStreamField(WireClasses.field(i), type.isPrimitive() ? type : Object.class);
        }
        Arrays.sort(serialFields);
    }

    /** Whether a stream's descriptor describes exactly the wire class's fields, in the JDK's order. */
    boolean describedBy(ObjectStreamField[] fields) {
        if (fields.length != serialFields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            ObjectStreamField expected = serialFields[i];
            ObjectStreamField described = fields[i];
            if (described.getTypeCode() != expected.getTypeCode() || !described.getName().equals(expected.getName())
                    || !described.isPrimitive() && !expected.getTypeString().equals(described.getTypeString())) {
                return false;
            }
        }
        return true;
    }

    /** The wire class's serial fields as {@code name=type} pairs, for messages. */
    String describeFields() {
        return describe(serialFields);
    }

    /** Serial fields as {@code {name=type, ...}}, for messages. */
    static String describe(ObjectStreamField[] fields) {
        StringBuilder text = new StringBuilder();
        for (ObjectStreamField field : fields) {
            text.append(text.length() == 0 ? "" : ", ").append(field.getName()).append('=')
                    .append(field.isPrimitive() ? String.valueOf(field.getTypeCode()) : field.getTypeString());
        }
        return "{" + text + "}";
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
        return symbolic.index();
    }

    public int hash() {
        return symbolic.hash();
    }

    public String samName() {
        return symbolic.samName();
    }

    public MethodType samType() {
        return samType;
    }

    /** The {@code invokedynamic}'s type: the captured types, returning the functional interface. */
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

    /** The types of the captured values, in the order they are captured. */
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

    /** {@code lambda com.acme.Main.lambda$main$0 (in com.acme.Main, as java.util.function.Function)}, for messages. */
    public String describe() {
        return "lambda " + symbolic.implementation() + " (in " + capturingClass.getName() + ", as "
                + interfaces[0].getName() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
