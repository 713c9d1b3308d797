package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.jdk.SerialDescriptors;
import dev.ferry.boot.security.NamePrefixes;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.util.List;

/**
 * The reader's half of lambdas: a class descriptor whose annotation names a lambda call site. Everything the stream
 * says is checked against this JVM's own prepared copy of the capturing class before anything is defined: the call
 * site must be one of the class's own (by index and signature hash, or by hash alone when it moved), the descriptor
 * must name that call site's wire class, and its fields must be exactly the captured values of that call site.
 */
public final class LambdaReading {

    /** The {@code readLambdas} prefixes (internal names): empty for every prepared class. */
    private static volatile List<String> readable = List.of();

    private LambdaReading() {
    }

    /** @param prefixes internal-name prefixes of the capturing classes whose lambdas this JVM reads; empty for all */
    public static void readOnly(List<String> prefixes) {
        readable = List.copyOf(prefixes);
    }

    /** A call site a stream named and this JVM has: its wire class is defined by {@link #wireClass}. */
    public static final class NamedCallSite {
        private final LambdaSites sites;
        private final int position;
        private final int dimensions;
        private final ObjectStreamClass descriptor;

        NamedCallSite(LambdaSites sites, int position, int dimensions, ObjectStreamClass descriptor) {
            this.sites = sites;
            this.position = position;
            this.dimensions = dimensions;
            this.descriptor = descriptor;
        }

        /** The call site's wire class (or an array of it), defined now if this is its first use in this JVM. */
        public Class<?> wireClass() throws InvalidClassException {
            Class<?> type = WireClasses.wireClass(sites, position);
            if (dimensions > 254) {
                throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(descriptor.getName()),
                        "refused Ferry lambda: an array of " + dimensions + " dimensions");
            }
            for (int i = 0; i < dimensions; i++) {
                type = type.arrayType();
            }
            if (!type.getName().equals(descriptor.getName())) {
                // the call site moved, or a redefinition renamed a wire class: the reader's class bears its own name
                SerialDescriptors.adopt(descriptor, type);
            }
            return type;
        }
    }

    /**
     * Reads the call site a descriptor names: the capturing class and the writer's index from the wire class's name
     * (the capturing class resolved the way the stream resolves classes, and judged by its filter), the signature hash
     * from the annotation; and checks it.
     *
     * @param dimensions array dimensions of the descriptor's class; 0 for a wire class itself
     * @param capturingClassFollows whether the capturing class follows as a {@code Class} object (it does not travel by
     *     name) rather than being resolved by name
     * @throws InvalidClassException naming what was refused; nothing was defined
     */
    public static NamedCallSite read(ObjectInputStream in, ObjectStreamClass descriptor, int dimensions,
            boolean capturingClassFollows) throws IOException, ClassNotFoundException {
        int hash = in.readInt();
        WireClasses.WireName wireName = WireClasses.parse(baseName(descriptor.getName(), dimensions));
        if (wireName == null) {
            String name = Printable.className(descriptor.getName());
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused Ferry lambda: " + name + " is not the"
                    + " name of a lambda's wire class (<capturing class>$$FerryLambda$<index>)");
        }
        int index = wireName.index();
        List<String> prefixes = readable;
        if (!prefixes.isEmpty() && !NamePrefixes.matchesAny(wireName.capturingClass().replace('.', '/'), prefixes)) {
            String capturing = Printable.className(wireName.capturingClass());
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturing, "refused Ferry lambda: this JVM"
                    + " reads only lambdas of " + String.join(":", prefixes).replace('/', '.')
                    + " (option readLambdas), not of " + capturing + "; nothing was loaded");
        }
        Class<?> capturingClass;
        try {
            capturingClass = capturingClassFollows ? classObject(in, descriptor)
                    : capturingClassByName(in, wireName.capturingClass());
        } catch (ClassNotFoundException missing) {
            throw capturingClassMissing(Printable.className(descriptor.getName()), missing);
        }
        if (!capturingClass.getName().equals(wireName.capturingClass())) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(descriptor.getName()),
                    "refused Ferry lambda: its capturing class is " + Printable.className(wireName.capturingClass())
                    + ", but the stream gave " + capturingClass.getName());
        }
        LambdaSites sites;
        try {
            sites = LambdaSites.of(capturingClass);
        } catch (RuntimeException unreadable) {
            AgentCounters.transformFailed(capturingClass.getName(), unreadable);
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(), "refused Ferry lambda: "
                    + "Ferry cannot read the lambda call sites of " + capturingClass.getName() + " in this JVM: "
                    + unreadable.getMessage());
        }
        if (sites == null) {
            String unprepared = CallSiteTables.whyUnprepared(capturingClass.getClassLoader());
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(), "refused Ferry lambda: "
                    + capturingClass.getName() + " has no lambda call sites prepared by Ferry in this JVM" + (unprepared
                            != null ? ": Ferry left the classes of its loader untouched, for " + unprepared
                            : " (it has none, or it is excluded by the include/exclude options)"));
        }
        int position = sites.positionOf(index, hash);
        if (position < 0) {
            LambdaSites reread = LambdaSites.reread(capturingClass);
            if (reread != null) {
                sites = reread;
                position = sites.positionOf(index, hash);
            }
        }
        if (position < 0) {
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(), "refused Ferry lambda: "
                    + capturingClass.getName() + " has no lambda call site #" + index + " with signature hash "
                    + Integer.toHexString(hash) + " (the writer's and this JVM's versions of the class differ, or the"
                    + " stream was forged); its call sites are " + sites.describeSites());
        }
        LambdaSite site = sites.site(position);
        if (dimensions == 0) {
            checkFields(descriptor, site);
        }
        return new NamedCallSite(sites, position, dimensions, descriptor);
    }

    /**
     * The capturing class the wire class's name names, resolved and judged by the stream. The JDK's refusal by the
     * stream's filter ("filter status: REJECTED") names no class: the refusal says which, and that Ferry asked.
     */
    private static Class<?> capturingClassByName(ObjectInputStream in, String name)
            throws IOException, ClassNotFoundException {
        try {
            return JdkInternals.resolveByName(in, name);
        } catch (InvalidClassException rejected) {
            String capturing = Printable.className(name);
            InvalidClassException refused = new InvalidClassException(capturing, "refused Ferry lambda: the stream"
                    + " rejected its capturing class " + capturing + ": " + rejected.getMessage());
            refused.initCause(rejected);
            throw Refusals.counted(RefusalReason.FILTER, capturing, refused);
        }
    }

    /** The capturing class as the {@code Class} object that follows the call site (its descriptor has its recipe). */
    private static Class<?> classObject(ObjectInputStream in, ObjectStreamClass descriptor)
            throws IOException, ClassNotFoundException {
        Object read = in.readObject();
        if (!(read instanceof Class)) {
            String name = Printable.className(descriptor.getName());
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused Ferry lambda: its annotation holds "
                    + (read == null ? "null" : Printable.className(read.getClass().getName()))
                    + " where its capturing class belongs");
        }
        return (Class<?>) read;
    }

    /**
     * The capturing class of a lambda is not found where the stream resolves classes: what is missing, and the two ways
     * out. Still a {@code ClassNotFoundException}, as for any class a stream names and the reader lacks.
     */
    private static ClassNotFoundException capturingClassMissing(String wireClass, ClassNotFoundException missing) {
        String capturing = missing.getMessage() == null ? "its capturing class" : Printable.className(
                missing.getMessage());
        ClassNotFoundException explained = new ClassNotFoundException(capturing + " (the class whose code the Ferry"
                + " lambda " + wireClass + " runs) is not found by this stream: put it on the reader's class path, or"
                + " let the writer ship it by value (byValue=<its package>, with keyFile= on both sides)", missing);
        return explained;
    }

    private static String baseName(String name, int dimensions) {
        if (dimensions == 0) {
            return name;
        }
        return name.length() > dimensions + 2 ? name.substring(dimensions + 1, name.length() - 1) : name;
    }

    /** The stream's fields must be exactly the call site's captured values: {@code arg$1..n}, typed as they are. */
    private static void checkFields(ObjectStreamClass descriptor, LambdaSite site) throws InvalidClassException {
        ObjectStreamField[] fields = descriptor.getFields();
        if (site.describedBy(fields)) {
            return;
        }
        throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, site.capturingClass().getName(),
                "refused Ferry lambda for " + site + ": the stream describes its captured values as "
                + Printable.of(LambdaSite.describe(fields)) + " but the call site captures " + site.describeFields());
    }
}
