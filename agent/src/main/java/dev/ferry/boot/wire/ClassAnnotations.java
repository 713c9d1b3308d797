package dev.ferry.boot.wire;

import dev.ferry.boot.byvalue.ClassRecipes;
import dev.ferry.boot.byvalue.ClassRegistry;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.jdk.SerialDescriptors;
import dev.ferry.boot.lambda.LambdaReading;
import dev.ferry.boot.lambda.LambdaWriting;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.specialize.SpecializationRecipe;
import dev.ferry.boot.specialize.Specializer;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * The one writer dispatch and the one reader dispatch of Ferry's class annotations. The writer asks
 * {@link ClassShipping} once per class how it travels and writes the recipe of that kind behind the annotation's head
 * ({@link Annotation}); the reader reads the head, parses the recipe and checks everything it names, lets the stream's
 * own {@code resolveClass} judge the descriptor ({@link #offerToStream}), and only then materializes the class.
 */
final class ClassAnnotations {

    /** The stream whose specialization recipe this thread is reading, if any. */
    private static final ThreadLocal<ObjectInputStream> READING_RECIPE = new ThreadLocal<>();

    /** Whether a stream class overrides {@code resolveClass}: only then is it asked about Ferry's descriptors. */
    private static final ClassValue<Boolean> OVERRIDES_RESOLVE_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overrides(type, ObjectInputStream.class, "resolveClass", ObjectStreamClass.class);
        }
    };

    /**
     * Whether a stream class overrides {@code annotateClass}: its reading stream may read that annotation wherever it
     * resolves a class, so a lambda's capturing class travels there with a descriptor of its own.
     */
    private static final ClassValue<Boolean> OVERRIDES_ANNOTATE_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overrides(type, ObjectOutputStream.class, "annotateClass", Class.class);
        }
    };

    private ClassAnnotations() {
    }

    /** Whether {@code type}, a subclass of {@code base}, overrides {@code base}'s method of that name and parameter. */
    private static boolean overrides(Class<?> type, Class<?> base, String method, Class<?> parameter) {
        for (Class<?> c = type; c != base && c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method, parameter);
                return true;
            } catch (NoSuchMethodException e) {
                // not this one; its superclass may
            }
        }
        return false;
    }

    static void write(ObjectOutputStream out, Class<?> type) throws IOException {
        Class<?> component = type;
        int dimensions = 0;
        while (component.isArray()) {
            component = component.getComponentType();
            dimensions++;
        }
        ClassShipping.Shipment shipment = shipment(component);
        switch (shipment.kind) {
            case LAMBDA: {
                Class<?> capturingClass = LambdaWriting.capturingClassOf(component);
                boolean byName = shipment(capturingClass).kind == ClassShipping.Kind.BY_NAME
                        && !OVERRIDES_ANNOTATE_CLASS.get(out.getClass());
                Annotation.writeHead(out, byName ? Annotation.LAMBDA : Annotation.LAMBDA_WITH_CLASS_OBJECT, dimensions);
                LambdaWriting.writeCallSite(out, component);
                if (!byName) {
                    out.writeObject(capturingClass);
                }
                break;
            }
            case BY_VALUE:
                Annotation.writeHead(out, Annotation.BY_VALUE, dimensions);
                ClassRecipes.write(out, shipment.recipe);
                AgentCounters.classShipped();
                break;
            case SPECIALIZATION:
                Annotation.writeHead(out, Annotation.SPECIALIZATION, dimensions);
                shipment.specialization.write(out);
                AgentCounters.specializationWritten();
                break;
            case NO_KEY:
                Annotation.writeHead(out, Annotation.NO_KEY, dimensions);
                break;
            case UNAVAILABLE:
                Annotation.writeHead(out, Annotation.UNAVAILABLE, dimensions);
                out.writeUTF(shipment.reason);
                break;
            default:
                break;
        }
    }

    /**
     * A proxy class whose interfaces include a generated one carries every interface as a {@code Class} object, so
     * the reader resolves each through its stream (a generated one through its own descriptor's recipe); other proxy
     * classes are written as the JDK writes them.
     */
    static void writeProxy(ObjectOutputStream out, Class<?> proxyClass) throws IOException {
        Class<?>[] interfaces = proxyClass.getInterfaces();
        boolean generated = false;
        for (Class<?> implemented : interfaces) {
            generated |= shipment(implemented).kind != ClassShipping.Kind.BY_NAME;
        }
        if (generated) {
            Annotation.writeHead(out, Annotation.PROXY, 0);
            out.writeShort(interfaces.length);
            for (Class<?> implemented : interfaces) {
                out.writeObject(implemented);
            }
        }
    }

    private static ClassShipping.Shipment shipment(Class<?> type) throws NotSerializableException {
        try {
            ClassShipping.Shipment shipment = ClassShipping.of(type);
            if (shipment.recipe != null) {
                shipment.recipe.linked(); // the linked classes' own recipes, and their failures, now
            }
            return shipment;
        } catch (NotSerializableException e) {
            throw e;
        } catch (UncheckedIOException e) {
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

    /** The class of a descriptor whose annotation starts with Ferry's marker. */
    static Class<?> read(ObjectInputStream in, ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
        String name = descriptor.getName();
        int kind = Annotation.readHead(in, name);
        int dimensions = in.readUnsignedByte();
        switch (kind) {
            case Annotation.LAMBDA:
            case Annotation.LAMBDA_WITH_CLASS_OBJECT: {
                LambdaReading.NamedCallSite site = LambdaReading.read(in, descriptor, dimensions,
                        kind == Annotation.LAMBDA_WITH_CLASS_OBJECT);
                offerToStream(in, descriptor);
                return site.wireClass();
            }
            case Annotation.BY_VALUE: {
                ClassRecipes.Closure closure = ClassRecipes.read(in, name);
                String described = arrayName(closure.root().name(), dimensions);
                if (!described.equals(name)) {
                    throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(name), "the Ferry class"
                            + " annotation describes " + Printable.className(described) + " instead; nothing was"
                            + " defined");
                }
                offerToStream(in, descriptor);
                return arrayOf(materialize(closure, in, name), dimensions);
            }
            case Annotation.SPECIALIZATION:
                return specialization(in, descriptor, dimensions);
            case Annotation.NO_KEY:
                return byStream(in, descriptor, "it was generated at run time in the writing JVM, which has no Ferry"
                        + " key and so wrote it by name; to ship generated classes by value, start both JVMs with"
                        + " -javaagent:ferry-agent.jar=keyFile=PATH (one shared key of at least 32 bytes)");
            case Annotation.UNAVAILABLE:
                String reason = in.readUTF();
                return byStream(in, descriptor, "it was generated at run time in the writing JVM, and Ferry could not"
                        + " ship it: " + Printable.of(reason));
            default:
                throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(name),
                        "unknown Ferry class annotation kind " + kind + " (written by a newer Ferry?)");
        }
    }

    /** The proxy class of a descriptor whose annotation names its interfaces as {@code Class} objects. */
    static Class<?> readProxy(ObjectInputStream in, String[] interfaceNames) throws IOException, ClassNotFoundException {
        int kind = Annotation.readHead(in, "proxy");
        in.readUnsignedByte();
        if (kind != Annotation.PROXY) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "proxy", "unexpected Ferry proxy annotation kind "
                    + kind);
        }
        int count = in.readUnsignedShort();
        if (count != interfaceNames.length) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, "proxy", "the annotation names " + count
                    + " interfaces, the descriptor " + interfaceNames.length);
        }
        Class<?>[] interfaces = new Class<?>[count];
        for (int i = 0; i < count; i++) {
            Object read = in.readObject();
            if (!(read instanceof Class) || !((Class<?>) read).getName().equals(interfaceNames[i])) {
                throw Refusals.invalidClass(RefusalReason.MALFORMED, "proxy", "the annotation's interface " + i
                        + " is not " + Printable.className(interfaceNames[i]));
            }
            interfaces[i] = (Class<?>) read;
        }
        return proxyClass(interfaces, JdkInternals.latestUserDefinedLoader());
    }

    /**
     * Lets a stream that overrides {@code resolveClass} judge a descriptor Ferry is about to materialize a class for,
     * as it judges every other descriptor (Hazelcast's class filter, an allow-list): whatever it throws stands, but
     * {@code ClassNotFoundException}, which means it does not know the class, and what it returns, which Ferry's
     * recipe replaces. Streams that do not override it resolve by name in the latest user-defined loader, which
     * cannot know a class Ferry is asked to make.
     */
    private static void offerToStream(ObjectInputStream in, ObjectStreamClass descriptor)
            throws IOException, ClassNotFoundException {
        if (!OVERRIDES_RESOLVE_CLASS.get(in.getClass())) {
            return;
        }
        try {
            JdkInternals.resolveClass(in, descriptor);
        } catch (ClassNotFoundException unknown) {
            // the stream does not know the class, as expected: Ferry's recipe supplies it
        }
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

    private static Class<?> specialization(ObjectInputStream in, ObjectStreamClass descriptor, int dimensions)
            throws IOException, ClassNotFoundException {
        if (READING_RECIPE.get() == in) {
            // a class read by value inside a recipe is a by-value class: a writer never nests a recipe there, and the
            // generator of a nested recipe would run before the enclosing recipe's ids and origins are checked
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(descriptor.getName()),
                    "malformed specialization recipe: a specialization where a class by value belongs");
        }
        SpecializationRecipe recipe;
        ObjectInputStream outer = READING_RECIPE.get(); // set when this is a by-value class's static-state stream
        READING_RECIPE.set(in);
        try {
            recipe = SpecializationRecipe.read(in, Specializer.classes(in));
        } finally {
            READING_RECIPE.set(outer);
        }
        AgentCounters.specializationRead();
        offerToStream(in, descriptor);
        try {
            Class<?> type = arrayOf(Specializer.materialize(recipe, in), dimensions);
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

    /** {@code type} with {@code dimensions} more array dimensions; refused beyond the JVM's 255. */
    private static Class<?> arrayOf(Class<?> type, int dimensions) throws InvalidClassException {
        int existing = 0;
        for (Class<?> component = type; component.isArray(); component = component.getComponentType()) {
            existing++;
        }
        if (existing + dimensions > 255 || dimensions > 0 && type == void.class) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(type.getName()), "the Ferry"
                    + " class annotation asks for an array of " + (existing + dimensions) + " dimensions of "
                    + Printable.className(type.getName()));
        }
        Class<?> array = type;
        for (int i = 0; i < dimensions; i++) {
            array = array.arrayType();
        }
        return array;
    }

    /** The name {@code Class.getName} gives an array of {@code dimensions} of the named class (or the class). */
    private static String arrayName(String name, int dimensions) {
        return dimensions == 0 ? name : "[".repeat(dimensions) + "L" + name + ";";
    }

    private static Class<?> materialize(ClassRecipes.Closure closure, ObjectInputStream in, String name)
            throws IOException, ClassNotFoundException {
        try {
            return ClassRegistry.materialize(closure, in);
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

    /** A class written by name after all: resolved by the stream itself, with Ferry's reason if it cannot. */
    private static Class<?> byStream(ObjectInputStream in, ObjectStreamClass descriptor, String hint)
            throws IOException, ClassNotFoundException {
        try {
            return JdkInternals.resolveClass(in, descriptor);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException(Printable.className(descriptor.getName()) + ": " + hint, e);
        }
    }
}
