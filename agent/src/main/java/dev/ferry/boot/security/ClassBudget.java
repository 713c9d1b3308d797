package dev.ferry.boot.security;

import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many new classes a stream may make the reader generate or define, and how many such classes may be alive in
 * this JVM at once. A recipe can name classes that do not exist yet (specializations of nested and array types,
 * classes shipped by value), each costing metaspace and CPU, and no {@code ObjectInputFilter} can bound that: arrays
 * and nesting of allowed types make new combinations without end. Ferry asks this budget before it makes a class a
 * stream asks for, and refuses the stream once it is spent ({@code maxClassesPerStream}, {@code maxClasses}).
 *
 * <p>A class counts while it lives: classes whose loaders were collected give their place back.
 */
public final class ClassBudget {

    /** Defaults: far above what real streams carry, far below what exhausts metaspace. */
    public static final int DEFAULT_PER_STREAM = 1_000;
    public static final int DEFAULT_PER_JVM = 10_000;

    private static volatile int perStream = DEFAULT_PER_STREAM;
    private static volatile int perJvm = DEFAULT_PER_JVM;

    /** New classes each stream caused so far (weak keys: a stream's count goes when the stream does). */
    private static final Map<ObjectInputStream, int[]> BY_STREAM = new WeakHashMap<>();
    private static final AtomicInteger LIVE = new AtomicInteger();
    private static final ReferenceQueue<Class<?>> COLLECTED = new ReferenceQueue<>();
    /** The references themselves must live until their class is collected. */
    private static final Set<WeakReference<Class<?>>> TRACKED = ConcurrentHashMap.newKeySet();

    private ClassBudget() {
    }

    public static void install(int maxPerStream, int maxPerJvm) {
        perStream = maxPerStream;
        perJvm = maxPerJvm;
    }

    /**
     * Takes {@code classes} new classes from the budgets of {@code in} and of the JVM.
     *
     * @param what the class the stream asks for, printable, for the message
     * @throws InvalidClassException naming the limit when either budget is spent; nothing is taken then
     */
    public static void spend(ObjectInputStream in, int classes, String what) throws InvalidClassException {
        if (classes <= 0) {
            return;
        }
        sweep();
        int live = LIVE.get();
        if (live + classes > perJvm) {
            throw Refusals.invalidClass(RefusalReason.LIMIT, what, "refused: making it would bring the classes Ferry"
                    + " made for streams in this JVM to " + (live + classes) + ", over maxClasses=" + perJvm
                    + " (raise the option if this JVM really receives that many distinct generated classes)");
        }
        if (in != null) {
            synchronized (BY_STREAM) {
                int[] spent = BY_STREAM.get(in);
                if (spent == null) {
                    spent = new int[1];
                    BY_STREAM.put(in, spent);
                }
                if (spent[0] + classes > perStream) {
                    throw Refusals.invalidClass(RefusalReason.LIMIT, what, "refused: this stream asked for "
                            + (spent[0] + classes) + " new classes, over maxClassesPerStream=" + perStream);
                }
                spent[0] += classes;
            }
        }
    }

    /** A class Ferry made for a stream: it counts against {@code maxClasses} until it is collected. */
    public static void made(Class<?> type) {
        TRACKED.add(new WeakReference<>(type, COLLECTED));
        LIVE.incrementAndGet();
    }

    /** How many classes Ferry made for streams are alive. */
    public static int live() {
        sweep();
        return LIVE.get();
    }

    private static void sweep() {
        for (Object gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            if (TRACKED.remove(gone)) {
                LIVE.decrementAndGet();
            }
        }
    }
}
