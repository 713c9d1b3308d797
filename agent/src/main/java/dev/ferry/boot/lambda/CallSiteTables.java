package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
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
 * Which classes Ferry prepares, and the lambda call sites of each, by defining loader and class name: the allow-list a
 * reader checks a stream against (only call sites compiled into the class can be read), and what a writer matches a
 * lambda against. A class's table is read from its class file ({@link CallSiteSource}) the first time one of its
 * lambdas is written or read, not as it loads: most classes with lambdas never have one written.
 *
 * <p>A table is kept as compact bytes ({@link #encode}) and decoded into {@link LambdaSites} with the class. Loaders
 * are held weakly and tables hold no class, so nothing here keeps a class loader alive.
 */
public final class CallSiteTables {

    private static final int FORMAT = 1;
    private static final Map<String, Table> BOOT = new ConcurrentHashMap<>();
    private static final Map<ClassLoader, Map<String, Table>> BY_LOADER = new WeakHashMap<>();
    /** Loaders whose classes Ferry leaves untouched, with the reason, so that a refusal can give the real one. */
    private static final Map<ClassLoader, String> UNPREPARED_LOADERS = new WeakHashMap<>();

    private static volatile CallSiteSource source;

    /** Whether a class's lambdas become serializable, decided once per class. */
    private static final ClassValue<Boolean> PREPARED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return decide(type);
        }
    };

    /** Set while this thread decides about a class: a lambda linked meanwhile (by a class loader) is not prepared. */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

    private CallSiteTables() {
    }

    /** Called once by the agent, before the first lambda links through Ferry's hook. */
    public static void install(CallSiteSource installed) {
        source = installed;
    }

    /**
     * Whether the lambdas of {@code capturingClass} become serializable as they link: never a hidden class's (it has
     * no class file, and nothing could name it in a stream), nor before the agent installed its source.
     */
    public static boolean prepares(Class<?> capturingClass) {
        if (source == null || capturingClass.isHidden()) {
            return false;
        }
        if (DECIDING.get() != null) {
            return false; // deciding about a class loads classes, whose lambdas may link: no recursion
        }
        return PREPARED.get(capturingClass);
    }

    private static boolean decide(Class<?> type) {
        DECIDING.set(Boolean.TRUE);
        try {
            return source.prepares(type);
        } catch (RuntimeException | LinkageError failure) {
            return false;
        } finally {
            DECIDING.remove();
        }
    }

    /**
     * The table of a class Ferry prepares: registered, or read from its class file now and registered; null when the
     * class is not prepared or has no call site of Ferry's.
     *
     * @param redefined true to read it again, from the class as it is after a redefinition
     */
    static Table tableOf(Class<?> type, boolean redefined) {
        if (!prepares(type)) {
            return null;
        }
        ClassLoader loader = type.getClassLoader();
        Table known = redefined ? null : lookup(loader, type.getName());
        if (known != null) {
            return known;
        }
        byte[] encoded = source.table(type, redefined);
        if (encoded == null) {
            return null;
        }
        Table table = new Table(encoded);
        Table earlier = redefined ? tablesOf(loader, true).put(type.getName(), table)
                : tablesOf(loader, true).putIfAbsent(type.getName(), table);
        if (earlier == null) {
            AgentCounters.classPrepared(table.siteCount()); // once per class, however many threads read it at once
        }
        return redefined || earlier == null ? table : earlier;
    }

    /** One prepared class's call sites, encoded. */
    public static final class Table {
        private final byte[] encoded;

        Table(byte[] encoded) {
            this.encoded = encoded;
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
    public static void register(ClassLoader loader, String className, byte[] encoded) {
        tablesOf(loader, true).put(className, new Table(encoded));
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

    /** The table registered for a class, or null when none was read or registered yet. */
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

    /**
     * Every class whose table was read, {@code name (n call sites) in loader}, sorted; for operators (JMX).
     */
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
