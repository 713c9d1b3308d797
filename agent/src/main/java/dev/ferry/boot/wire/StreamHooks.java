package dev.ferry.boot.wire;

import dev.ferry.boot.byvalue.ClassRegistry;
import dev.ferry.boot.byvalue.StaticState;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.jdk.SerialDescriptors;
import dev.ferry.boot.specialize.Specializer;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.byvalue.ClassRecipe;
import dev.ferry.boot.specialize.SpecializationRecipe;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * What Ferry adds to {@code ObjectOutputStream.annotateClass}/{@code annotateProxyClass} and
 * {@code ObjectInputStream.resolveClass}/{@code resolveProxyClass}: the class descriptor of a generated class carries
 * its recipe as the descriptor's annotation, the slot the serialization protocol keeps for exactly this (RMI puts its
 * codebase there). A descriptor is written once per stream, so is the recipe; instances stay ordinary objects of the
 * class, so identity, cycles and {@code readObject} methods work as for any class.
 *
 * <p>Annotation format: the marker {@code F5 46 52 59}, a kind byte, then per kind: {@link #BY_VALUE} the recipe
 * (object); {@link #ARRAY} dimensions (byte) and the component's recipe; {@link #PROXY} the interface count (short)
 * and per interface its recipe or null; {@link #SPECIALIZATION} array dimensions (byte, 0 for a class) and the
 * specialization recipe's data ({@link SpecializationRecipe}); {@link #NO_KEY} nothing; {@link #UNAVAILABLE} why (UTF). A JVM without Ferry
 * skips annotations, so it reads such streams exactly as before, and fails on a generated class as before.
 */
public final class StreamHooks {

    private static final int[] MARKER = {0xF5, 'F', 'R', 'Y'};
    public static final int BY_VALUE = 1;
    public static final int ARRAY = 2;
    public static final int PROXY = 3;
    public static final int NO_KEY = 4;
    public static final int UNAVAILABLE = 5;
    public static final int SPECIALIZATION = 6;

    /** The stream whose specialization recipe this thread is reading, if any. */
    private static final ThreadLocal<ObjectInputStream> READING_RECIPE = new ThreadLocal<>();

    private StreamHooks() {
    }

    /** Called first by {@code ObjectOutputStream.annotateClass}. */
    public static void annotateClass(ObjectOutputStream out, Class<?> type) throws IOException {
        Class<?> component = type;
        int dimensions = 0;
        while (component.isArray()) {
            component = component.getComponentType();
            dimensions++;
        }
        ClassShipping.Shipment shipment = shipment(component);
        switch (shipment.kind) {
            case BY_VALUE:
                writeMarker(out, dimensions == 0 ? BY_VALUE : ARRAY);
                if (dimensions > 0) {
                    out.writeByte(dimensions);
                }
                out.writeObject(shipment.recipe);
                break;
            case SPECIALIZATION:
                writeMarker(out, SPECIALIZATION);
                out.writeByte(dimensions);
                shipment.specialization.write(out);
                AgentCounters.specializationWritten();
                break;
            case NO_KEY:
                writeMarker(out, NO_KEY);
                break;
            case UNAVAILABLE:
                writeMarker(out, UNAVAILABLE);
                out.writeUTF(shipment.reason);
                break;
            default:
                break;
        }
    }

    /** Called first by {@code ObjectOutputStream.annotateProxyClass}. */
    public static void annotateProxyClass(ObjectOutputStream out, Class<?> proxy) throws IOException {
        Class<?>[] interfaces = proxy.getInterfaces();
        ClassRecipe[] recipes = new ClassRecipe[interfaces.length];
        boolean any = false;
        for (int i = 0; i < interfaces.length; i++) {
            ClassShipping.Shipment shipment = shipment(interfaces[i]);
            recipes[i] = shipment.recipe;
            any |= shipment.recipe != null;
        }
        if (any) {
            writeMarker(out, PROXY);
            out.writeShort(recipes.length);
            for (ClassRecipe recipe : recipes) {
                out.writeObject(recipe);
            }
        }
    }

    public static ClassShipping.Shipment shipment(Class<?> type) throws NotSerializableException {
        try {
            ClassShipping.Shipment shipment = ClassShipping.of(type);
            if (shipment.recipe != null) {
                shipment.recipe.linked(); // the linked classes' own recipes, and their failures, now
            }
            return shipment;
        } catch (NotSerializableException e) {
            throw e;
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof NotSerializableException) {
                throw (NotSerializableException) e.getCause();
            }
            AgentCounters.writeFailed(type.getName(), e);
            return ClassShipping.Shipment.BY_NAME;
        } catch (RuntimeException | LinkageError e) {
            // Ferry's own failure: the class is written as without Ferry, and the failure counted
            AgentCounters.writeFailed(type.getName(), e);
            return ClassShipping.Shipment.BY_NAME;
        }
    }

    private static void writeMarker(ObjectOutputStream out, int kind) throws IOException {
        for (int b : MARKER) {
            out.write(b);
        }
        out.write(kind);
    }

    /**
     * Called first by {@code ObjectInputStream.resolveClass}: the class of an annotated descriptor, or null to let
     * the JDK resolve it by name.
     */
    public static Class<?> resolveClass(ObjectInputStream in, ObjectStreamClass descriptor)
            throws IOException, ClassNotFoundException {
        int kind = readMarker(in);
        if (kind < 0) {
            return null;
        }
        String name = descriptor.getName();
        switch (kind) {
            case BY_VALUE:
                Object recipe = in.readObject();
                return checkedName(StaticState.whileReading(in, () -> materialize(recipe, name)), name);
            case ARRAY:
                int dimensions = in.readUnsignedByte();
                Object component = in.readObject();
                Class<?> type = StaticState.whileReading(in, () -> materialize(component, name));
                for (int i = 0; i < dimensions; i++) {
                    type = type.arrayType();
                }
                return checkedName(type, name);
            case SPECIALIZATION:
                return specialization(in, descriptor);
            case NO_KEY:
                return byNameOr(name, "it was generated at run time in the writing JVM, which has no Ferry key and so"
                        + " wrote it by name; to ship generated classes by value, start both JVMs with"
                        + " -javaagent:ferry-agent.jar=keyFile=PATH (one shared key of at least 32 bytes)");
            case UNAVAILABLE:
                String reason = in.readUTF();
                return byNameOr(name, "it was generated at run time in the writing JVM, and Ferry could not ship it: "
                        + Printable.of(reason));
            default:
                throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(name), "unknown Ferry class annotation kind " + kind
                        + " (written by a newer Ferry?)");
        }
    }

    /**
     * Called first by {@code ObjectInputStream.resolveProxyClass}: the proxy class of an annotated descriptor, or
     * null to let the JDK resolve it.
     */
    public static Class<?> resolveProxyClass(ObjectInputStream in, String[] interfaceNames)
            throws IOException, ClassNotFoundException {
        int kind = readMarker(in);
        if (kind < 0) {
            return null;
        }
        if (kind != PROXY) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "proxy", "unexpected Ferry proxy annotation kind " + kind);
        }
        int count = in.readUnsignedShort();
        if (count != interfaceNames.length) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "proxy", "the annotation names " + count + " interfaces, the descriptor "
                    + interfaceNames.length);
        }
        ClassLoader context = JdkInternals.latestUserDefinedLoader();
        Class<?>[] interfaces = new Class<?>[count];
        for (int i = 0; i < count; i++) {
            Object recipe = in.readObject();
            String interfaceName = interfaceNames[i];
            interfaces[i] = recipe == null ? Class.forName(interfaceName, false, context)
                    : checkedName(StaticState.whileReading(in, () -> materialize(recipe, interfaceName)),
                            interfaceName);
        }
        return proxyClass(interfaces, context);
    }

    @SuppressWarnings("deprecation")
    private static Class<?> proxyClass(Class<?>[] interfaces, ClassLoader context) throws ClassNotFoundException {
        ClassLoader loader = null;
        for (Class<?> type : interfaces) {
            if (!Modifier.isPublic(type.getModifiers())) {
                loader = type.getClassLoader();
            }
        }
        if (loader == null) {
            loader = seeingAll(interfaces, context);
        }
        try {
            return Proxy.getProxyClass(loader, interfaces);
        } catch (IllegalArgumentException e) {
            throw new ClassNotFoundException("no proxy class for the interfaces of a proxy: " + e.getMessage(), e);
        }
    }

    /** The loader, among the interfaces' loaders and the context, from which every interface is visible. */
    private static ClassLoader seeingAll(Class<?>[] interfaces, ClassLoader context) {
        for (Class<?> candidate : interfaces) {
            if (seesAll(candidate.getClassLoader(), interfaces)) {
                return candidate.getClassLoader();
            }
        }
        return context;
    }

    private static boolean seesAll(ClassLoader loader, Class<?>[] interfaces) {
        for (Class<?> type : interfaces) {
            try {
                if (Class.forName(type.getName(), false, loader) != type) {
                    return false;
                }
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The annotation's kind, or -1 when the descriptor carries no Ferry annotation. The injected code calls the
     * resolvers only when the stream is in block-data mode and its next byte, peeked, is the marker's first: without a
     * Ferry annotation nothing is consumed. (A foreign annotation that starts with that byte loses up to four bytes
     * here; the JDK skips what follows.)
     */
    private static int readMarker(ObjectInputStream in) throws IOException {
        for (int b : MARKER) {
            if (in.read() != b) {
                return -1;
            }
        }
        return in.read();
    }

    private static Class<?> specialization(ObjectInputStream in, ObjectStreamClass descriptor)
            throws IOException, ClassNotFoundException {
        if (READING_RECIPE.get() == in) {
            // a class read by value inside a recipe is a by-value class: a writer never nests a recipe there, and the
            // generator of a nested recipe would run before the enclosing recipe's ids and origins are checked
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(descriptor.getName()),
                    "malformed specialization recipe: a specialization where a class by value belongs");
        }
        int dimensions = in.readUnsignedByte();
        SpecializationRecipe recipe;
        ObjectInputStream outer = READING_RECIPE.get(); // set when this is a by-value class's static-state stream
        READING_RECIPE.set(in);
        try {
            recipe = SpecializationRecipe.read(in, Specializer.classes(in));
        } finally {
            READING_RECIPE.set(outer);
        }
        AgentCounters.specializationRead();
        try {
            Class<?> type = Specializer.materialize(recipe);
            for (int i = 0; i < dimensions; i++) {
                type = type.arrayType();
            }
            SerialDescriptors.adopt(descriptor, type);
            return type;
        } catch (RuntimeException | LinkageError e) {
            // a generator's id() or a JDK internal failing: the stream is refused, never the JVM
            String name = Printable.className(descriptor.getName());
            InvalidClassException failed = new InvalidClassException(name,
                    "Ferry could not resolve this specialization: " + e);
            failed.initCause(e);
            throw Refusals.counted(RefusalReason.DEFINITION, name, failed);
        }
    }

    private static Class<?> materialize(Object recipe, String name) throws IOException {
        if (!(recipe instanceof ClassRecipe)) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(name),
                    "the Ferry class annotation holds "
                    + (recipe == null ? "null" : Printable.className(recipe.getClass().getName()))
                    + " instead of a class recipe");
        }
        try {
            return ClassRegistry.materialize((ClassRecipe) recipe, JdkInternals.latestUserDefinedLoader());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            InvalidClassException failed = new InvalidClassException(Printable.className(name),
                    "Ferry could not materialize this class: " + e);
            failed.initCause(e);
            AgentCounters.refused(RefusalReason.DEFINITION, Printable.className(name), failed);
            throw failed;
        }
    }

    private static Class<?> checkedName(Class<?> type, String name) throws InvalidClassException {
        if (!type.getName().equals(name)) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(name),
                    "the Ferry class annotation describes "
                    + Printable.className(type.getName()) + " instead");
        }
        return type;
    }

    private static Class<?> byNameOr(String name, String hint) throws ClassNotFoundException {
        try {
            return Class.forName(name, false, JdkInternals.latestUserDefinedLoader());
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException(Printable.className(name) + ": " + hint, e);
        }
    }
}
