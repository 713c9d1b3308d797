package dev.ferry.boot.byvalue;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer's record of generated classes: the bytes each was defined with, kept per defining loader for as long as
 * the loader lives. The class-file hook is the only moment these bytes exist outside the JVM: a generated class's
 * loader cannot return its class file by name, which is what makes it generated.
 */
public final class GeneratedClasses {

    private static final AtomicInteger LOADER_NUMBERS = new AtomicInteger();
    /** Weak keys, and values that do not refer to their key: no loader is kept alive. */
    private static final Map<ClassLoader, LoaderRecord> BY_LOADER = new WeakHashMap<>();

    private GeneratedClasses() {
    }

    /**
     * Called by the class-file hook for a class its loader cannot return by name; the array is kept, not copied. The
     * first definition of a name wins: a loader defines a name once, and a second attempt (which the JVM refuses as a
     * duplicate after this hook ran) must not replace the bytes the class really has.
     */
    public static void record(ClassLoader loader, String internalName, byte[] classFile) {
        recordOf(loader).classes.putIfAbsent(internalName, classFile);
    }

    /** The bytes {@code type} was defined with, or null when it was not recorded. */
    public static byte[] bytesOf(Class<?> type) {
        LoaderRecord record = existingRecordOf(type.getClassLoader());
        return record == null ? null : record.classes.get(type.getName().replace('.', '/'));
    }

    /** Whether {@code internalName} was recorded as defined by {@code loader} or one of its ancestors. */
    public static boolean isRecordedInChain(ClassLoader loader, String internalName) {
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            LoaderRecord record = existingRecordOf(each);
            if (record != null && record.classes.containsKey(internalName)) {
                return true;
            }
        }
        return false;
    }

    /** The number of {@code loader} in this JVM, given on first use. */
    public static int loaderNumber(ClassLoader loader) {
        return recordOf(loader).number;
    }

    private static LoaderRecord existingRecordOf(ClassLoader loader) {
        synchronized (BY_LOADER) {
            return BY_LOADER.get(loader);
        }
    }

    private static LoaderRecord recordOf(ClassLoader loader) {
        synchronized (BY_LOADER) {
            LoaderRecord record = BY_LOADER.get(loader);
            if (record == null) {
                record = new LoaderRecord(LOADER_NUMBERS.incrementAndGet());
                BY_LOADER.put(loader, record);
            }
            return record;
        }
    }

    private static final class LoaderRecord {
        final int number;
        final Map<String, byte[]> classes = new ConcurrentHashMap<>();

        LoaderRecord(int number) {
            this.number = number;
        }
    }
}
