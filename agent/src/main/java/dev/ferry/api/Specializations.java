package dev.ferry.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Registers generators explicitly, for frameworks that create them at run time rather than through
 * {@link java.util.ServiceLoader}. With Ferry attached, this class is defined once for the whole JVM (in the boot
 * class loader), so a registration made from any class loader is seen by Ferry's writer and reader. Without Ferry,
 * registering does nothing useful: a library that must run without Ferry registers through {@code ServiceLoader}.
 */
public final class Specializations {

    private static final int MAX_ID_LENGTH = 200;

    /** Replaced, never changed, at each registration: a reader of the list can tell by identity that it changed. */
    private static volatile List<SpecializationGenerator> registered = List.of();

    private Specializations() {
    }

    /**
     * Makes {@code generator} known to this JVM's writer and reader, until {@link #unregister}ed; registering the same
     * instance again does nothing. When several generators with one id are known, a reader uses the one its stream's
     * class loader sees.
     *
     * @throws IllegalArgumentException when the generator's id is not a valid id ({@link #isValidGeneratorId})
     */
    public static synchronized void register(SpecializationGenerator generator) {
        String id = generator.id();
        if (!isValidGeneratorId(id)) {
            throw new IllegalArgumentException("invalid specialization generator id "
                    + (id == null ? "null" : "\"" + id.replaceAll("[^\\x20-\\x7e]", "?") + "\"")
                    + ": 1 to 200 characters among A-Z a-z 0-9 . _ - : /");
        }
        for (SpecializationGenerator known : registered) {
            if (known == generator) {
                return;
            }
        }
        List<SpecializationGenerator> next = new ArrayList<>(registered);
        next.add(generator);
        registered = List.copyOf(next);
    }

    /** @return whether the generator was registered */
    public static synchronized boolean unregister(SpecializationGenerator generator) {
        List<SpecializationGenerator> next = new ArrayList<>(registered);
        boolean removed = false;
        for (Iterator<SpecializationGenerator> known = next.iterator(); known.hasNext();) {
            if (known.next() == generator) {
                known.remove();
                removed = true;
            }
        }
        // replaced even when nothing was removed: a reader that looked up a generator meanwhile asks again
        registered = List.copyOf(next);
        return removed;
    }

    /**
     * The generators registered with {@link #register}, in registration order. The list is unmodifiable, and a new
     * list is returned after every {@code register} or {@code unregister}, so that a caller who keeps one can tell by
     * identity ({@code !=}) that the registrations changed.
     */
    public static List<SpecializationGenerator> registered() {
        return registered;
    }

    /** One to 200 characters among {@code A-Z a-z 0-9 . _ - : /}: printable as it is, in any message. */
    public static boolean isValidGeneratorId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
            if (!valid) {
                return false;
            }
        }
        return true;
    }
}
