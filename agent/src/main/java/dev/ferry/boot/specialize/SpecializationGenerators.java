package dev.ferry.boot.specialize;

import dev.ferry.api.Specializations;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The generators this JVM knows: registered explicitly ({@code Specializations.register}) or found by
 * {@link ServiceLoader} through a class loader, searched once per loader.
 *
 * <p>Nothing here pins a class loader: a provider's one instance is kept by a {@code ClassValue} of its own class, and
 * the per-loader index refers to it weakly. Explicit registrations are held until unregistered.
 */
public final class SpecializationGenerators {

    /** One instance per provider class, however many loaders' searches find it. */
    private static final ClassValue<SpecializationGenerator[]> INSTANCES = new ClassValue<>() {
        @Override
        protected SpecializationGenerator[] computeValue(Class<?> type) {
            return new SpecializationGenerator[1];
        }
    };

    /**
     * Per origin class, the generator found for each id through the origin's own loader (weakly: a generator lives as
     * long as its registration or its class), so that a reader's lookup is a map lookup after the first.
     */
    private static final ClassValue<Map<String, Found>> BY_ORIGIN = new ClassValue<>() {
        @Override
        protected Map<String, Found> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    private static final class Found {
        final WeakReference<SpecializationGenerator> generator;
        final List<SpecializationGenerator> registrations;

        Found(SpecializationGenerator generator, List<SpecializationGenerator> registrations) {
            this.generator = new WeakReference<>(generator);
            this.registrations = registrations;
        }
    }

    /** Per searched loader, the providers its {@code ServiceLoader} found. Guarded by itself. */
    private static final Map<ClassLoader, List<WeakReference<SpecializationGenerator>>> FOUND = new WeakHashMap<>();

    private SpecializationGenerators() {
    }

    /**
     * The explicit registrations ({@link Specializations#registered}): a new list after every change, so decisions
     * made under an older one (compared by identity) are made again.
     */
    public static List<SpecializationGenerator> registrations() {
        return Specializations.registered();
    }

    /** @throws IllegalArgumentException naming the generator when its id is not valid */
    static String checkId(String id) {
        if (!Specializations.isValidGeneratorId(id)) {
            throw new IllegalArgumentException("invalid specialization generator id "
                    + (id == null ? "null" : "\"" + dev.ferry.boot.security.Printable.of(id) + "\"")
                    + ": 1 to 200 characters among A-Z a-z 0-9 . _ - : /");
        }
        return id;
    }

    /** A generator and what it says it made a class from. */
    static final class Described {
        final SpecializationGenerator generator;
        final String id;
        final Specialization specialization;

        Described(SpecializationGenerator generator, String id, Specialization specialization) {
            this.generator = generator;
            this.id = id;
            this.specialization = specialization;
        }
    }

    /**
     * Writer side: the first generator, explicit ones first, that describes {@code type}; null when none does. A
     * generator that fails is counted and skipped.
     */
    static Described describe(Class<?> type) {
        List<SpecializationGenerator> candidates = new ArrayList<>(Specializations.registered());
        candidates.addAll(found(type.getClassLoader()));
        for (SpecializationGenerator generator : candidates) {
            try {
                Specialization specialization = generator.describe(type);
                if (specialization != null) {
                    return new Described(generator, checkId(generator.id()), specialization);
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                AgentCounters.writeFailed(type.getName(), new IllegalStateException("specialization generator "
                        + generator.getClass().getName() + " failed to describe the class", e));
            }
        }
        return null;
    }

    /**
     * Reader side: the generator with {@code id} that the origin's loader sees, remembered per origin; null when that
     * loader sees none (then {@link #byId} with the stream's loaders).
     */
    static SpecializationGenerator forOrigin(String id, Class<?> origin) {
        Map<String, Found> known = BY_ORIGIN.get(origin);
        List<SpecializationGenerator> current = Specializations.registered();
        Found found = known.get(id);
        SpecializationGenerator generator = found == null || found.registrations != current ? null
                : found.generator.get();
        if (generator == null && origin.getClassLoader() != null) {
            generator = seenBy(id, new ClassLoader[] {origin.getClassLoader()});
            if (generator != null) {
                known.put(id, new Found(generator, current));
            }
        }
        return generator;
    }

    /**
     * Reader side: the generator with {@code id} that the first of {@code loaders} sees; an explicit one before one
     * found by {@code ServiceLoader}, and an explicit one no loader sees as the last resort. Null when none.
     */
    static SpecializationGenerator byId(String id, ClassLoader... loaders) {
        SpecializationGenerator seen = seenBy(id, loaders);
        if (seen != null) {
            return seen;
        }
        for (SpecializationGenerator generator : Specializations.registered()) {
            if (id.equals(generator.id())) {
                return generator;
            }
        }
        return null;
    }

    /** The generator with {@code id} the first of {@code loaders} sees, explicit before found; null when none. */
    private static SpecializationGenerator seenBy(String id, ClassLoader[] loaders) {
        for (ClassLoader loader : loaders) {
            for (SpecializationGenerator generator : Specializations.registered()) {
                if (id.equals(generator.id()) && sees(loader, generator.getClass())) {
                    return generator;
                }
            }
            for (SpecializationGenerator generator : found(loader)) {
                if (id.equals(generator.id())) {
                    return generator;
                }
            }
        }
        return null;
    }

    /** The ids known to this JVM, explicit and found so far, each with its generator's class (for JMX). */
    public static Map<String, String> describeAll() {
        Map<String, String> all = new LinkedHashMap<>();
        for (SpecializationGenerator generator : Specializations.registered()) {
            all.putIfAbsent(generator.id(), generator.getClass().getName() + " (registered)");
        }
        synchronized (FOUND) {
            for (List<WeakReference<SpecializationGenerator>> generators : FOUND.values()) {
                for (WeakReference<SpecializationGenerator> reference : generators) {
                    SpecializationGenerator generator = reference.get();
                    if (generator != null) {
                        all.putIfAbsent(generator.id(), generator.getClass().getName() + " (ServiceLoader)");
                    }
                }
            }
        }
        return all;
    }

    private static boolean sees(ClassLoader loader, Class<?> type) {
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static List<SpecializationGenerator> found(ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return List.of();
        }
        List<WeakReference<SpecializationGenerator>> references;
        synchronized (FOUND) {
            references = FOUND.get(loader);
        }
        if (references == null) {
            references = search(loader);
            synchronized (FOUND) {
                List<WeakReference<SpecializationGenerator>> raced = FOUND.putIfAbsent(loader, references);
                references = raced == null ? references : raced;
            }
        }
        List<SpecializationGenerator> generators = new ArrayList<>(references.size());
        for (WeakReference<SpecializationGenerator> reference : references) {
            SpecializationGenerator generator = reference.get();
            if (generator != null) {
                generators.add(generator);
            }
        }
        return generators;
    }

    /** Tolerates this many broken entries per search: {@code ServiceLoader} skips each, as its iterator allows. */
    private static final int MAX_BROKEN_ENTRIES = 64;

    /**
     * The providers {@code loader}'s {@code ServiceLoader} finds. A broken entry (a class that is missing, or fails to
     * load or construct) is counted and skipped; the entries after it are still found.
     */
    private static List<WeakReference<SpecializationGenerator>> search(ClassLoader loader) {
        List<WeakReference<SpecializationGenerator>> references = new ArrayList<>();
        Iterator<SpecializationGenerator> providers = ServiceLoader.load(SpecializationGenerator.class, loader)
                .iterator();
        int broken = 0;
        while (broken <= MAX_BROKEN_ENTRIES) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                SpecializationGenerator generator = instance(providers.next());
                references.add(new WeakReference<>(generator));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                broken++;
                AgentCounters.otherFailure("a specialization generator entry of META-INF/services, seen by " + loader
                        + ", was skipped", e);
            }
        }
        return references;
    }

    /** The one instance of its class: the first one found, however many loaders' searches construct one. */
    private static SpecializationGenerator instance(SpecializationGenerator found) {
        checkId(found.id());
        SpecializationGenerator[] holder = INSTANCES.get(found.getClass());
        synchronized (holder) {
            if (holder[0] == null) {
                holder[0] = found;
            }
            return holder[0];
        }
    }
}
