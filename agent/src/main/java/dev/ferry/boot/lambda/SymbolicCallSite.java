package dev.ferry.boot.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One lambda call site of a prepared class, as the class file states it: names and descriptors only, so that a table of
 * them can be kept without resolving (or pinning) anything.
 *
 * <p>The {@link #hash} identifies the call site's <em>meaning</em> (implementation method, interface method, types,
 * markers, bridges) independently of its position, so that a reader can match a writer's call site even when the two
 * JVMs run different builds of the capturing class, and refuse it when nothing matches.
 *
 * @param index position of the call site among the prepared call sites of its class (0-based)
 * @param hash signature hash, see {@link #signatureHash}
 * @param samName name of the functional interface method
 * @param factoryDescriptor descriptor of the {@code invokedynamic}: captured types and functional interface
 * @param samDescriptor erased descriptor of the functional interface method
 * @param implKind reference kind of the implementation method handle ({@code MethodHandleInfo.REF_*})
 * @param implOwner internal name of the implementation method's owner
 * @param implName implementation method name
 * @param implDescriptor implementation method descriptor
 * @param instantiatedDescriptor descriptor the call site instantiates the interface method with
 * @param markers internal names of additional marker interfaces
 * @param bridges descriptors of additional bridge methods
 */
public record SymbolicCallSite(
        int index,
        int hash,
        String samName,
        String factoryDescriptor,
        String samDescriptor,
        int implKind,
        String implOwner,
        String implName,
        String implDescriptor,
        String instantiatedDescriptor,
        List<String> markers,
        List<String> bridges) {

    public SymbolicCallSite {
        markers = List.copyOf(markers);
        bridges = List.copyOf(bridges);
    }

    /** A call site whose hash is computed from its other parts. */
    public static SymbolicCallSite of(int index, String samName, String factoryDescriptor, String samDescriptor,
            int implKind, String implOwner, String implName, String implDescriptor, String instantiatedDescriptor,
            List<String> markers, List<String> bridges) {
        int hash = signatureHash(samName, factoryDescriptor, samDescriptor, implKind, implOwner,
                implementationIdentity(implName), implDescriptor, instantiatedDescriptor, markers, bridges);
        return new SymbolicCallSite(index, hash, samName, factoryDescriptor, samDescriptor, implKind, implOwner,
                implName, implDescriptor, instantiatedDescriptor, markers, bridges);
    }

    /**
     * javac names a lambda body {@code lambda$<method>$<n>}, where n counts per class up to JDK 20 and per method since
     * JDK 21 (JDK 17's {@code Function} has {@code lambda$andThen$1}, JDK 25's {@code lambda$andThen$0}); a body is
     * therefore identified by the method that encloses it, and lambdas of one method by their types and position.
     */
    static String implementationIdentity(String implName) {
        if (!implName.startsWith("lambda$")) {
            return implName;
        }
        int last = implName.lastIndexOf('$');
        if (last <= "lambda$".length() || last == implName.length() - 1) {
            return implName;
        }
        for (int i = last + 1; i < implName.length(); i++) {
            if (!Character.isDigit(implName.charAt(i))) {
                return implName;
            }
        }
        return implName.substring(0, last);
    }

    /**
     * CRC-32 of a canonical text of everything that decides what a lambda of this call site does and how its captured
     * values are written. The index is left out on purpose: moving a lambda does not change it.
     */
    static int signatureHash(String samName, String factoryDescriptor, String samDescriptor, int implKind,
            String implOwner, String implName, String implDescriptor, String instantiatedDescriptor,
            List<String> markers, List<String> bridges) {
        String canonical = String.join("|", samName, factoryDescriptor, samDescriptor, Integer.toString(implKind),
                implOwner, implName, implDescriptor, instantiatedDescriptor, String.join(",", markers),
                String.join(",", bridges));
        CRC32 crc = new CRC32();
        crc.update(canonical.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** The functional interface's internal name (the return type of {@link #factoryDescriptor}). */
    public String functionalInterface() {
        String returned = factoryDescriptor.substring(factoryDescriptor.indexOf(')') + 1);
        return returned.substring(1, returned.length() - 1);
    }

    /**
     * What a {@code SerializedLambda} of this call site says about it: interface and method, implementation, types.
     * Two call sites with equal keys make lambdas no serialized form can tell apart.
     */
    public String serializedKey() {
        return String.join("|", functionalInterface(), samName, samDescriptor, Integer.toString(implKind), implOwner,
                implName, implDescriptor, instantiatedDescriptor);
    }

    /** {@code Owner.name} of the implementation method, for messages. */
    public String implementation() {
        return implOwner.replace('/', '.') + "." + implName;
    }
}
