package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.SerialDescriptors;
import dev.ferry.boot.security.NamePrefixes;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInput;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
     * Reads the call site a descriptor's annotation names (the writer's index, the signature hash, the capturing class
     * through the stream) and checks it.
     *
     * @param dimensions array dimensions of the descriptor's class; 0 for a wire class itself
     * @throws InvalidClassException naming what was refused; nothing was defined
     */
    public static NamedCallSite read(ObjectInput in, ObjectStreamClass descriptor, int dimensions)
            throws IOException, ClassNotFoundException {
        int index = in.readUnsignedShort();
        int hash = in.readInt();
        String name = Printable.className(descriptor.getName());
        Object named;
        try {
            named = in.readObject();
        } catch (ClassNotFoundException missing) {
            throw capturingClassMissing(name, missing);
        }
        if (!(named instanceof Class)) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused Ferry lambda: its annotation holds "
                    + (named == null ? "null" : Printable.className(named.getClass().getName()))
                    + " where its capturing class belongs");
        }
        Class<?> capturingClass = (Class<?>) named;
        String expected = WireClasses.nameOf(capturingClass, index);
        if (!isWireClassName(baseName(descriptor.getName(), dimensions), expected)) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused Ferry lambda: the descriptor names "
                    + name + " but its annotation describes call site #" + index + " of "
                    + capturingClass.getName() + ", whose class is " + expected);
        }
        List<String> prefixes = readable;
        if (!prefixes.isEmpty() && !NamePrefixes.matchesAny(capturingClass.getName().replace('.', '/'), prefixes)) {
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(), "refused Ferry lambda:"
                    + " this JVM reads only lambdas of " + String.join(":", prefixes).replace('/', '.')
                    + " (option readLambdas), not of " + capturingClass.getName());
        }
        LambdaSites sites = LambdaSites.of(capturingClass);
        if (sites == null) {
            String unprepared = CallSiteTables.whyUnprepared(capturingClass.getClassLoader());
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(), "refused Ferry lambda: "
                    + capturingClass.getName() + " has no lambda call sites prepared by Ferry in this JVM" + (unprepared
                            != null ? ": Ferry left the classes of its loader untouched, for " + unprepared
                            : " (it has none, it is excluded by the include/exclude options, or it was loaded before"
                                    + " Ferry started)"));
        }
        int position = sites.positionOf(index, hash);
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
     * The capturing class of a lambda is not found where the stream resolves classes: what is missing, and the two ways
     * out. Still a {@code ClassNotFoundException}, as for any class a stream names and the reader lacks.
     */
    private static ClassNotFoundException capturingClassMissing(String wireClass, ClassNotFoundException missing) {
        String capturing = missing.getMessage() == null ? "its capturing class" : Printable.className(
                missing.getMessage());
        ClassNotFoundException explained = new ClassNotFoundException(capturing + " (the class whose code the Ferry"
                + " lambda " + wireClass + " runs) is not found by this stream: put it on the reader's class path, or"
                + " let the writer ship it by value (byValue=<its package>.*, with keyFile= on both sides)", missing);
        return explained;
    }

    /** {@code expected}, or {@code expected$<n>}: the name a writer gave the wire class after a redefinition. */
    private static boolean isWireClassName(String name, String expected) {
        if (!name.startsWith(expected)) {
            return false;
        }
        String suffix = name.substring(expected.length());
        return suffix.isEmpty() || suffix.matches("\\$[1-9][0-9]{0,4}");
    }

    private static String baseName(String name, int dimensions) {
        if (dimensions == 0) {
            return name;
        }
        return name.length() > dimensions + 2 ? name.substring(dimensions + 1, name.length() - 1) : name;
    }

    /** The stream's fields must be exactly the call site's captured values: {@code arg$1..n}, typed as they are. */
    private static void checkFields(ObjectStreamClass descriptor, LambdaSite site) throws InvalidClassException {
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < site.capturedCount(); i++) {
            Class<?> type = site.capturedType(i);
            expected.put(WireClasses.field(i), type.isPrimitive() ? type.descriptorString() : "Ljava/lang/Object;");
        }
        Map<String, String> described = new TreeMap<>();
        for (ObjectStreamField field : descriptor.getFields()) {
            described.put(field.getName(), field.isPrimitive() ? String.valueOf(field.getTypeCode())
                    : field.getTypeString());
        }
        if (!described.equals(expected)) {
            throw Refusals.invalidClass(RefusalReason.LAMBDA_CALL_SITE, site.capturingClass().getName(),
                    "refused Ferry lambda for " + site + ": the stream describes its captured values as "
                    + Printable.of(described.toString()) + " but the call site captures " + expected);
        }
    }
}
