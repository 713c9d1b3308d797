package dev.ferry.boot.lambda;

import dev.ferry.boot.jdk.ModifiedUtf8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lambda call sites of every class Ferry prepared in this JVM, by defining loader and class name: the allow-list a
 * reader checks a stream against (only call sites compiled into the class can be read), and what a writer matches a
 * lambda against. Filled by the transformer before the class is defined.
 *
 * <p>A table is kept as the compact bytes the transformer encoded ({@link #encode}); it is decoded only when a lambda
 * of the class is written or read, so that preparing thousands of classes at start-up costs little memory. Loaders are
 * held weakly and tables hold no class, so nothing here keeps a class loader alive.
 */
public final class CallSiteTables {

    private static final int FORMAT = 1;
    private static final Map<String, Table> BOOT = new ConcurrentHashMap<>();
    private static final Map<ClassLoader, Map<String, Table>> BY_LOADER = new WeakHashMap<>();
    /** Loaders whose classes Ferry leaves untouched, with the reason, so that a refusal can give the real one. */
    private static final Map<ClassLoader, String> UNPREPARED_LOADERS = new WeakHashMap<>();

    private CallSiteTables() {
    }

    /** One prepared class's call sites, encoded, and whether Ferry gave it its {@code $deserializeLambda$} gate. */
    public static final class Table {
        private final byte[] encoded;
        private final boolean gated;

        Table(byte[] encoded, boolean gated) {
            this.encoded = encoded;
            this.gated = gated;
        }

        /** Whether the class got Ferry's {@code $deserializeLambda$}: a retransformation must give it again. */
        public boolean gated() {
            return gated;
        }

        /** The table's call sites and javac-serializable keys. */
        public Decoded decode() {
            return CallSiteTables.decode(encoded);
        }

        /** How many of Ferry's call sites the class has, read without decoding the table. */
        public int siteCount() {
            return ((encoded[1] & 0xFF) << 8) | (encoded[2] & 0xFF);
        }
    }

    /** A decoded table: Ferry's call sites by index, and the keys of the class's javac-serializable call sites. */
    public record Decoded(List<SymbolicCallSite> sites, List<String> javacKeys) {
    }

    /**
     * Records the call sites of {@code className} (binary name) as defined by {@code loader} (null: boot loader).
     *
     * @param encoded from {@link #encode}
     */
    public static void register(ClassLoader loader, String className, byte[] encoded, boolean gated) {
        tablesOf(loader, true).put(className, new Table(encoded, gated));
    }

    /** Records that Ferry prepares none of {@code loader}'s classes, and why. */
    public static void unpreparedLoader(ClassLoader loader, String reason) {
        synchronized (UNPREPARED_LOADERS) {
            UNPREPARED_LOADERS.put(loader, reason);
        }
    }

    /** Why Ferry prepares none of {@code loader}'s classes, or null when it prepares them. */
    public static String whyUnprepared(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        synchronized (UNPREPARED_LOADERS) {
            return UNPREPARED_LOADERS.get(loader);
        }
    }

    /** The table of a class, or null when Ferry did not prepare it in this JVM. */
    public static Table lookup(ClassLoader loader, String className) {
        Map<String, Table> tables = tablesOf(loader, false);
        return tables == null ? null : tables.get(className);
    }

    /**
     * The table's bytes: Ferry's call sites in index order, then the {@link SymbolicCallSite#serializedKey}s of the
     * class's javac-serializable call sites.
     */
    public static byte[] encode(List<SymbolicCallSite> sites, List<String> javacKeys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * sites.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(sites.size());
            for (SymbolicCallSite site : sites) {
                out.writeInt(site.hash());
                ModifiedUtf8.write(out, site.samName());
                ModifiedUtf8.write(out, site.factoryDescriptor());
                ModifiedUtf8.write(out, site.samDescriptor());
                out.writeByte(site.implKind());
                ModifiedUtf8.write(out, site.implOwner());
                ModifiedUtf8.write(out, site.implName());
                ModifiedUtf8.write(out, site.implDescriptor());
                ModifiedUtf8.write(out, site.instantiatedDescriptor());
                writeList(out, site.markers());
                writeList(out, site.bridges());
            }
            writeList(out, javacKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeList(DataOutputStream out, List<String> texts) throws IOException {
        out.writeShort(texts.size());
        for (String text : texts) {
            ModifiedUtf8.write(out, text);
        }
    }

    static Decoded decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw new IllegalStateException("unknown call-site table format");
            }
            int count = in.readUnsignedShort();
            List<SymbolicCallSite> sites = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                sites.add(new SymbolicCallSite(index, in.readInt(), in.readUTF(), in.readUTF(), in.readUTF(),
                        in.readUnsignedByte(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), readList(in),
                        readList(in)));
            }
            return new Decoded(List.copyOf(sites), readList(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(in.readUTF());
        }
        return texts;
    }

    /** Every prepared class, {@code name (n call sites) in loader}, sorted; for operators (JMX). */
    public static List<String> describeAll() {
        List<String> lines = new ArrayList<>();
        describe(lines, "boot", BOOT);
        synchronized (BY_LOADER) {
            for (Map.Entry<ClassLoader, Map<String, Table>> entry : BY_LOADER.entrySet()) {
                describe(lines, String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static void describe(List<String> lines, String loader, Map<String, Table> tables) {
        for (Map.Entry<String, Table> table : tables.entrySet()) {
            lines.add(table.getKey() + " (" + table.getValue().siteCount() + " call sites) in " + loader);
        }
    }

    private static Map<String, Table> tablesOf(ClassLoader loader, boolean create) {
        if (loader == null) {
            return BOOT;
        }
        synchronized (BY_LOADER) {
            Map<String, Table> tables = BY_LOADER.get(loader);
            if (tables == null && create) {
                tables = new ConcurrentHashMap<>();
                BY_LOADER.put(loader, tables);
            }
            return tables;
        }
    }
}
