package dev.ferry.boot.security;

import java.io.ObjectInput;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

/**
 * Asks the stream's {@link ObjectInputFilter} about something a recipe is about to use that the stream itself does
 * not show it (a capturing class named by a string, a byte array read as block data).
 */
public final class StreamFilters {

    private StreamFilters() {
    }

    /**
     * Whether the filter of {@code in} (when it is an {@code ObjectInputStream} with one) rejects a class, or an array
     * of {@code arrayLength} elements of it ({@code -1}: not an array). As in {@code ObjectInputStream}, a filter that
     * throws or answers null rejects.
     */
    public static boolean rejects(ObjectInput in, Class<?> serialClass, long arrayLength) {
        if (!(in instanceof ObjectInputStream)) {
            return false;
        }
        ObjectInputFilter filter = ((ObjectInputStream) in).getObjectInputFilter();
        if (filter == null) {
            return false;
        }
        ObjectInputFilter.Status status;
        try {
            status = filter.checkInput(new Query(serialClass, arrayLength));
        } catch (RuntimeException e) {
            return true; // as ObjectInputStream.filterCheck: a filter that throws rejects
        }
        return status == null || status == ObjectInputFilter.Status.REJECTED; // null rejects there too
    }

    /** What the filter is shown: the class, the array length, as for a descriptor or an array in the stream. */
    private static final class Query implements ObjectInputFilter.FilterInfo {
        private final Class<?> serialClass;
        private final long arrayLength;

        Query(Class<?> serialClass, long arrayLength) {
            this.serialClass = serialClass;
            this.arrayLength = arrayLength;
        }

        @Override
        public Class<?> serialClass() {
            return serialClass;
        }

        @Override
        public long arrayLength() {
            return arrayLength;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
