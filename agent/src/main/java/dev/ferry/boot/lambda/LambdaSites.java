package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.InvalidClassException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The call sites of one prepared class, as its class file in this JVM has them ({@link CallSiteTables}), resolved on
 * demand: the reader's allow-list (a stream can name only a call site compiled into the class), and the writer's way
 * from a lambda's {@code SerializedLambda} back to its call site. One table per class, kept with the class.
 */
public final class LambdaSites {

    /** A class's current call sites, and how often the JVM had redefined the class when they were read. */
    private static final class Current {
        volatile LambdaSites sites;
        volatile int redefinitions;
        /** Whether they were read from the class as the JVM holds it, not from its class file on disk. */
        volatile boolean fromLoadedClass;
    }

    private static final ClassValue<Current> TABLES = new ClassValue<>() {
        @Override
        protected Current computeValue(Class<?> type) {
            Current current = new Current();
            current.redefinitions = JdkInternals.redefinitionCount(type);
            current.sites = build(type, null, false);
            return current;
        }
    };

    private final Class<?> capturingClass;
    private final List<SymbolicCallSite> sites;
    private final Set<String> javacKeys;
    private final AtomicReferenceArray<LambdaSite> resolved;
    private final AtomicReferenceArray<Class<?>> wireClasses;
    private final AtomicReferenceArray<MethodHandle> wireConstructors;
    /** Wire class names that earlier versions of the class (before a redefinition) used for other call sites. */
    private final Set<String> takenNames;
    private volatile Map<String, List<Integer>> bySerializedKey;

    private LambdaSites(Class<?> capturingClass, CallSiteTables.Decoded decoded, LambdaSites previous) {
        this.capturingClass = capturingClass;
        this.sites = decoded.sites();
        this.javacKeys = Set.copyOf(decoded.javacKeys());
        this.resolved = new AtomicReferenceArray<>(sites.size());
        this.wireClasses = new AtomicReferenceArray<>(sites.size());
        this.wireConstructors = new AtomicReferenceArray<>(sites.size());
        Set<String> taken = new HashSet<>();
        if (previous != null) {
            taken.addAll(previous.takenNames);
            for (int p = 0; p < previous.sites.size(); p++) {
                Class<?> wireClass = previous.wireClasses.get(p);
                if (wireClass == null) {
                    continue;
                }
                taken.add(wireClass.getName());
                if (p < sites.size() && sites.get(p).equals(previous.sites.get(p))) {
                    // the same call site in the new version: its wire class stays valid, its implementation method
                    // handle follows the redefinition
                    resolved.set(p, previous.resolved.get(p));
                    wireConstructors.set(p, previous.wireConstructors.get(p));
                    wireClasses.set(p, wireClass);
                }
            }
        }
        this.takenNames = Set.copyOf(taken);
    }

    private static LambdaSites build(Class<?> type, LambdaSites previous, boolean redefined) {
        CallSiteTables.Table table = CallSiteTables.tableOf(type, redefined);
        return table == null ? null : new LambdaSites(type, table.decode(), previous);
    }

    /**
     * The call sites of {@code capturingClass} that Ferry makes serializable, or null when there is none: the class is
     * not prepared (excluded, the JDK's, or its loader does not see Ferry), or has no such call site. Read from the
     * class file at the first call, and again after the JVM redefined the class (HotSwap, another agent): lambdas
     * linked or read before keep the call sites they were made from; a call site the new version has unchanged keeps
     * its wire class; a new call site whose wire class name an old one took gets another name.
     *
     * @throws IllegalStateException when the class file of a prepared class cannot be had
     */
    public static LambdaSites of(Class<?> capturingClass) {
        Current current = TABLES.get(capturingClass);
        int redefinitions = JdkInternals.redefinitionCount(capturingClass);
        if (redefinitions != current.redefinitions) {
            synchronized (current) {
                if (redefinitions != current.redefinitions) {
                    readFromJvm(capturingClass, current);
                }
            }
        }
        return current.sites;
    }

    /**
     * The call sites of {@code capturingClass} read again, from the class as the JVM holds it, when they were read from
     * a class file on disk (which another agent's load-time change, or a class path holding two versions of the class,
     * can make differ from it); null when they were read so already, or the JVM cannot hand the class over. Once per
     * class: a stream naming call sites a class does not have cannot make Ferry read it again and again.
     */
    static LambdaSites reread(Class<?> capturingClass) {
        Current current = TABLES.get(capturingClass);
        synchronized (current) {
            if (current.fromLoadedClass) {
                return null;
            }
            current.fromLoadedClass = true; // once, even when the JVM cannot hand the class over
            try {
                readFromJvm(capturingClass, current);
            } catch (RuntimeException cannotTake) {
                return null; // what was read stays
            }
            return current.sites;
        }
    }

    /** Reads the class's call sites as the JVM holds it now; the caller holds {@code current}'s lock. */
    private static void readFromJvm(Class<?> capturingClass, Current current) {
        current.sites = build(capturingClass, current.sites, true);
        current.fromLoadedClass = true;
        // reading the class as it is now may itself retransform it: count from after that
        current.redefinitions = JdkInternals.redefinitionCount(capturingClass);
    }

    /**
     * The name of the wire class of the call site at {@code position}: {@code <capturing class>$$FerryLambda$<index>},
     * with a suffix {@code $<n>} when a version of the class before a redefinition used that name for another site.
     */
    String wireClassName(int position) {
        String base = WireClasses.nameOf(capturingClass, position);
        String name = base;
        for (int n = 1; takenNames.contains(name); n++) {
            name = base + "$" + n;
        }
        return name;
    }

    public Class<?> capturingClass() {
        return capturingClass;
    }

    int size() {
        return sites.size();
    }

    SymbolicCallSite symbolic(int position) {
        return sites.get(position);
    }

    /**
     * The position of the call site a writer called {@code index} with signature {@code hash}: the same index first,
     * then the one call site with that hash (it moved between the writer's build and this one); -1 when there is none
     * or more than one.
     */
    int positionOf(int index, int hash) {
        if (index < sites.size() && sites.get(index).hash() == hash) {
            return index;
        }
        int found = -1;
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).hash() == hash) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** What {@link #positionOf(Class, SerializedLambda)} returns for a lambda of javac's serializable call sites. */
    static final int JAVAC_SERIALIZABLE = -1;
    /** What it returns for a lambda that no call site of the class links. */
    static final int NO_CALL_SITE = -2;

    /**
     * The position of the call site that made {@code lambdaClass}, whose {@code writeReplace} gave {@code serialized};
     * {@link #JAVAC_SERIALIZABLE} for a javac-serializable lambda (or an indistinguishable twin of one), which keeps the
     * JDK's serial form; {@link #NO_CALL_SITE} when no call site of the class makes it (a lambda some library made by
     * calling {@code LambdaMetafactory} itself, with this class's lookup).
     */
    int positionOf(Class<?> lambdaClass, SerializedLambda serialized) {
        String key = serializedKey(serialized);
        if (javacKeys.contains(key)) {
            return JAVAC_SERIALIZABLE;
        }
        List<Integer> candidates = bySerializedKey().getOrDefault(key, List.of());
        for (int position : candidates) {
            if (capturedCount(sites.get(position).factoryDescriptor()) == serialized.getCapturedArgCount()
                    && interfacesMatch(position, lambdaClass)) {
                return position;
            }
        }
        return NO_CALL_SITE;
    }

    /** Whether javac compiled a serializable call site into the class that makes such a lambda. */
    boolean isJavacSerializable(SerializedLambda serialized) {
        return javacKeys.contains(serializedKey(serialized));
    }

    boolean hasJavacSerializable() {
        return !javacKeys.isEmpty();
    }

    private static String serializedKey(SerializedLambda serialized) {
        return String.join("|", serialized.getFunctionalInterfaceClass(),
                serialized.getFunctionalInterfaceMethodName(), serialized.getFunctionalInterfaceMethodSignature(),
                Integer.toString(serialized.getImplMethodKind()), serialized.getImplClass(),
                serialized.getImplMethodName(), serialized.getImplMethodSignature(),
                serialized.getInstantiatedMethodType());
    }

    /** The number of parameters of a method descriptor, read without loading any class. */
    static int capturedCount(String descriptor) {
        int count = 0;
        int at = 1;
        while (descriptor.charAt(at) != ')') {
            while (descriptor.charAt(at) == '[') {
                at++;
            }
            at = descriptor.charAt(at) == 'L' ? descriptor.indexOf(';', at) + 1 : at + 1;
            count++;
        }
        return count;
    }

    /** Call sites with equal keys differ only by marker interfaces, which the lambda's class shows. */
    private boolean interfacesMatch(int position, Class<?> lambdaClass) {
        SymbolicCallSite site = sites.get(position);
        Set<String> expected = new HashSet<>(site.markers());
        expected.add(site.functionalInterface());
        Set<String> actual = new HashSet<>();
        for (Class<?> implemented : lambdaClass.getInterfaces()) {
            actual.add(implemented.getName().replace('.', '/'));
        }
        actual.remove("java/io/Serializable");
        expected.remove("java/io/Serializable");
        return actual.equals(expected);
    }

    private Map<String, List<Integer>> bySerializedKey() {
        Map<String, List<Integer>> index = bySerializedKey;
        if (index == null) {
            index = new HashMap<>();
            for (SymbolicCallSite site : sites) {
                List<Integer> positions = index.get(site.serializedKey());
                if (positions == null) {
                    positions = new ArrayList<>();
                    index.put(site.serializedKey(), positions);
                }
                positions.add(site.index());
            }
            bySerializedKey = index;
        }
        return index;
    }

    /** The call site at {@code position}, resolved in this JVM (its implementation method looked up) once. */
    LambdaSite site(int position) throws InvalidClassException {
        LambdaSite site = resolved.get(position);
        if (site == null) {
            site = resolve(sites.get(position));
            if (!resolved.compareAndSet(position, null, site)) {
                site = resolved.get(position);
            }
        }
        return site;
    }

    Class<?> wireClassIfDefined(int position) {
        return wireClasses.get(position);
    }

    /** Publishes a wire class, its constructor first: whoever sees the class sees the constructor. */
    void wireClassDefined(int position, Class<?> wireClass, MethodHandle constructor) {
        wireConstructors.set(position, constructor);
        wireClasses.set(position, wireClass);
    }

    /** {@code (Object[] captured)Object}: a new instance of the wire class, once it is defined. */
    MethodHandle wireConstructor(int position) {
        return wireConstructors.get(position);
    }

    /** A lock per call site, for defining its wire class once. */
    Object lock(int position) {
        return sites.get(position);
    }

    private ClassLoader loader() {
        return capturingClass.getClassLoader();
    }

    private LambdaSite resolve(SymbolicCallSite symbolic) throws InvalidClassException {
        try {
            ClassLoader loader = loader();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(capturingClass, MethodHandles.lookup());
            Class<?>[] markers = new Class<?>[symbolic.markers().size()];
            for (int i = 0; i < markers.length; i++) {
                markers[i] = Class.forName(symbolic.markers().get(i).replace('/', '.'), false, loader);
            }
            MethodType[] bridges = new MethodType[symbolic.bridges().size()];
            for (int i = 0; i < bridges.length; i++) {
                bridges[i] = MethodType.fromMethodDescriptorString(symbolic.bridges().get(i), loader);
            }
            return new LambdaSite(capturingClass, symbolic,
                    MethodType.fromMethodDescriptorString(symbolic.factoryDescriptor(), loader),
                    MethodType.fromMethodDescriptorString(symbolic.samDescriptor(), loader),
                    MethodType.fromMethodDescriptorString(symbolic.instantiatedDescriptor(), loader),
                    implementation(lookup, symbolic), markers, bridges);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            InvalidClassException failed = new InvalidClassException(Printable.className(capturingClass.getName()),
                    "cannot link lambda call site #" + symbolic.index() + " (" + symbolic.implementation() + ") of "
                    + capturingClass.getName() + " in this JVM: " + e);
            failed.initCause(e);
            throw Refusals.counted(RefusalReason.DEFINITION, capturingClass.getName(), failed);
        }
    }

    private MethodHandle implementation(MethodHandles.Lookup lookup, SymbolicCallSite symbolic)
            throws ReflectiveOperationException {
        ClassLoader loader = loader();
        Class<?> owner = Class.forName(symbolic.implOwner().replace('/', '.'), false, loader);
        MethodType type = MethodType.fromMethodDescriptorString(symbolic.implDescriptor(), loader);
        String name = symbolic.implName();
        switch (symbolic.implKind()) {
            case MethodHandleInfo.REF_invokeStatic:
                return lookup.findStatic(owner, name, type);
            case MethodHandleInfo.REF_invokeVirtual:
            case MethodHandleInfo.REF_invokeInterface:
                return lookup.findVirtual(owner, name, type);
            case MethodHandleInfo.REF_invokeSpecial:
                return lookup.findSpecial(owner, name, type, capturingClass);
            case MethodHandleInfo.REF_newInvokeSpecial:
                return lookup.findConstructor(owner, type);
            default:
                throw new NoSuchMethodException("unsupported implementation kind " + symbolic.implKind());
        }
    }

    /** Names of the call sites, for messages: {@code #0 lambda$main$0, #1 String::length, ...}. */
    String describeSites() {
        Set<String> names = new LinkedHashSet<>();
        for (SymbolicCallSite site : sites) {
            names.add("#" + site.index() + " " + site.implName());
        }
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "call sites of " + capturingClass.getName() + ": " + Arrays.toString(sites.toArray());
    }
}
