package dev.ferry.boot.byvalue;

import dev.ferry.boot.security.NamePrefixes;
import dev.ferry.boot.security.IntegrityKey;
import dev.ferry.boot.security.ReferencePolicy;
import java.security.SecureRandom;
import java.util.List;

/**
 * The class-by-value settings of this JVM, installed once at start-up: the key (null when {@code keyFile} is not
 * set), which packages are forced by value or by name, the reference policy, and the class-file inspector.
 */
public final class ByValue {

    /** This JVM's random id: with a loader number, it names a writing loader across every JVM. */
    public static long jvmId() {
        return JvmId.VALUE;
    }

    /** Initialized at the first class shipped, not at start-up: seeding a {@code SecureRandom} takes milliseconds. */
    private static final class JvmId {
        static final long VALUE = new SecureRandom().nextLong();
    }

    private static volatile ByValue current;

    public final IntegrityKey key;
    public final List<String> byValue;
    public final List<String> byName;
    public final ReferencePolicy policy;
    public final ClassFileInspector inspector;

    private ByValue(IntegrityKey key, List<String> byValue, List<String> byName, ReferencePolicy policy,
            ClassFileInspector inspector) {
        this.key = key;
        this.byValue = List.copyOf(byValue);
        this.byName = List.copyOf(byName);
        this.policy = policy;
        this.inspector = inspector;
    }

    /**
     * @param key null when this JVM has no key: it writes generated classes the JDK way and refuses recipes
     * @param byValue internal-name prefixes always shipped by value, even from the class path
     * @param byName internal-name prefixes never shipped by value; wins over {@code byValue}
     */
    public static void install(IntegrityKey key, List<String> byValue, List<String> byName, ReferencePolicy policy,
            ClassFileInspector inspector) {
        current = new ByValue(key, byValue, byName, policy, inspector);
    }

    public static ByValue settings() {
        ByValue settings = current;
        if (settings == null) {
            throw new IllegalStateException("Ferry's class-by-value settings are not installed");
        }
        return settings;
    }


    public boolean forcedByName(String internalName) {
        return NamePrefixes.matchesAny(internalName, byName);
    }

    public boolean forcedByValue(String internalName) {
        return !forcedByName(internalName) && NamePrefixes.matchesAny(internalName, byValue);
    }
}
