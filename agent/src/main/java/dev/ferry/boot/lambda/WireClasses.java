package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.InvalidClassException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of wire classes: for each lambda call site of a prepared class, one real (not hidden) class of Ferry's
 * making, {@code <capturing class>$$FerryLambda$<index>}, in the capturing class's package and loader, defined once
 * when a lambda of the site is first written or read (a suffix {@code $<n>} follows the index when a redefinition of the
 * capturing class gave the index to another call site after the first one's wire class was defined).
 *
 * <p>A Ferry lambda travels as an instance of its call site's wire class: the writer makes one from the lambda's
 * captured values, the reader gets one from the stream like any object of a serializable class, and both sides name
 * the same class, so identity and cycles through a lambda survive, a lambda read back is written again as itself, and
 * calling it is a call of the implementation method through a constant {@code invokedynamic}. The stream's class
 * descriptor carries the capturing class and the call site; the reader defines the wire class only for a call site its
 * own prepared copy of the capturing class has ({@link LambdaReading}).
 */
public final class WireClasses {

    static final String INFIX = "$$FerryLambda$";

    private static volatile WireClassWriter writer;

    /** What a wire class stands for; {@link #NONE} for every other class. */
    record WireSite(LambdaSites sites, int position) {
    }

    private static final WireSite NONE = new WireSite(null, -1);

    /** Wire classes being defined, by name: how {@link #WIRE_SITES} learns about one before anyone else can ask. */
    private static final Map<String, WireSite> DEFINING = new ConcurrentHashMap<>();

    private static final ClassValue<WireSite> WIRE_SITES = new ClassValue<>() {
        @Override
        protected WireSite computeValue(Class<?> type) {
            WireSite defining = DEFINING.get(type.getName());
            return defining != null && defining.sites().capturingClass().getClassLoader() == type.getClassLoader()
                    ? defining : NONE;
        }
    };

    private WireClasses() {
    }

    /** Installs the class writer; until then no lambda can be written or read as a Ferry lambda. */
    public static void install(WireClassWriter classWriter) {
        writer = classWriter;
    }

    /** The name of the field holding captured value {@code i} (0-based), as the JDK's own lambdas name theirs. */
    static String field(int i) {
        return "arg$" + (i + 1);
    }

    /** The wire class name of call site {@code index} of {@code capturingClass}. */
    static String nameOf(Class<?> capturingClass, int index) {
        return capturingClass.getName() + INFIX + index;
    }

    /** What a wire class's name says: the capturing class's name, and the call site's index in the writer. */
    record WireName(String capturingClass, int index) {
    }

    /**
     * Parses {@code <capturing class>$$FerryLambda$<index>} or {@code ...$<index>$<n>} (a name a redefinition chose);
     * null for any other name.
     */
    static WireName parse(String name) {
        int infix = name.lastIndexOf(INFIX);
        if (infix <= 0) {
            return null;
        }
        String rest = name.substring(infix + INFIX.length());
        int dollar = rest.indexOf('$');
        String index = dollar < 0 ? rest : rest.substring(0, dollar);
        String suffix = dollar < 0 ? null : rest.substring(dollar + 1);
        if (!isNumber(index) || suffix != null && (!isNumber(suffix) || suffix.equals("0"))) {
            return null;
        }
        return new WireName(name.substring(0, infix), Integer.parseInt(index));
    }

    /** Decimal digits without a leading zero (but "0"), at most 5: an index or a suffix Ferry writes. */
    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 5 || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The wire class of the call site at {@code position}, defined now if this is its first use. */
    static Class<?> wireClass(LambdaSites sites, int position) throws InvalidClassException {
        Class<?> defined = sites.wireClassIfDefined(position);
        if (defined != null) {
            return defined;
        }
        synchronized (sites.lock(position)) {
            defined = sites.wireClassIfDefined(position);
            return defined != null ? defined : define(sites, position);
        }
    }

    private static Class<?> define(LambdaSites sites, int position) throws InvalidClassException {
        LambdaSite site = sites.site(position);
        Class<?> capturingClass = sites.capturingClass();
        String name = sites.wireClassName(position);
        WireClassWriter classWriter = writer;
        long start = System.nanoTime();
        try {
            if (classWriter == null) {
                throw new IllegalStateException("Ferry's wire class writer is not installed");
            }
            byte[] bytes = classWriter.write(name.replace('.', '/'), site, position);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(capturingClass, MethodHandles.lookup());
            DEFINING.put(name, new WireSite(sites, position));
            try {
                Class<?> wireClass = lookup.defineClass(bytes);
                WIRE_SITES.get(wireClass);
                MethodHandle constructor = MethodHandles.privateLookupIn(wireClass, MethodHandles.lookup())
                        .findConstructor(wireClass, MethodType.methodType(void.class, Object[].class))
                        .asType(MethodType.methodType(Object.class, Object[].class));
                sites.wireClassDefined(position, wireClass, constructor);
                AgentCounters.lambdaMaterialized(capturingClass.getName(), System.nanoTime() - start);
                return wireClass;
            } finally {
                DEFINING.remove(name);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            InvalidClassException failed = new InvalidClassException(Printable.className(name),
                    "Ferry could not define the class of " + site + ": " + e);
            failed.initCause(e);
            throw Refusals.counted(RefusalReason.DEFINITION, capturingClass.getName(), failed);
        }
    }

    /** What {@code type} stands for, when it is a wire class Ferry defined; null otherwise. */
    static WireSite siteOf(Class<?> type) {
        if (!type.getName().contains(INFIX)) {
            return null; // the common case, without touching the class's ClassValue map
        }
        WireSite site = WIRE_SITES.get(type);
        return site == NONE ? null : site;
    }

    /** Whether {@code type} is a wire class Ferry defined. */
    public static boolean isWireClass(Class<?> type) {
        return siteOf(type) != null;
    }
}
