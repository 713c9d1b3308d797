package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.Refusals;
import java.io.InvalidClassException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader's side of class-by-value: verifies recipes and materializes each distinct class once.
 *
 * <p>Order for one recipe: every recipe it links (transitively) is checked first, each against the key (HMAC-SHA256
 * over its name, origin, bytes and static state) and the reference policy; only then are they offered to their
 * loaders, and the class is loaded, which defines it and the generated classes it needs. Nothing shipped is defined,
 * initialized or run before every recipe it could pull in has passed.
 *
 * <p>Caches hold no loader strongly: loaders are found through weak keys (the stream's resolving loader) and weak
 * values; a recipe verified once is recognized again by its tag and identical bytes, a hash lookup.
 */
public final class ClassRegistry {

    private static final int MAX_VERIFIED = 10_000;

    /** Resolving loader (weak) to writing loader to its loader here (weak). */
    private static final Map<ClassLoader, OriginLoaders> LOADERS = new WeakHashMap<>();
    /** Recipes that passed, by tag; no loader or class in here. */
    private static final Map<ByteBuffer, ClassRecipe> VERIFIED = new ConcurrentHashMap<>();

    private ClassRegistry() {
    }

    /**
     * The class a recipe stands for, in a loader whose parent is {@code context}.
     *
     * @throws InvalidClassException when this JVM has no key, a tag does not verify, the policy denies a reference,
     *     or the class cannot be defined; nothing of the refused recipe was defined
     */
    public static Class<?> materialize(ClassRecipe root, ClassLoader context) throws InvalidClassException {
        ByValue settings = ByValue.settings();
        if (settings.key == null) {
            throw Refusals.invalidClass(RefusalReason.NO_KEY, Printable.className(root.name()),
                    settings.keyProblem != null ? "refused class-by-value recipe: " + settings.keyProblem
                            + " at start-up, so this JVM refuses every class shipped by value"
                            : "refused class-by-value recipe: this JVM has no key to verify it with; start it with"
                            + " -javaagent:ferry-agent.jar=keyFile=PATH, PATH holding the writer's key (at least 32"
                            + " bytes)");
        }
        Class<?> materializedBefore = alreadyMaterialized(root, context);
        if (materializedBefore != null) {
            AgentCounters.registryHit();
            return materializedBefore;
        }
        List<ClassRecipe> closure = closure(root);
        for (ClassRecipe recipe : closure) {
            verify(recipe, settings);
        }
        Map<ClassRecipe, RecipeClassLoader> loaders = new IdentityHashMap<>();
        for (ClassRecipe recipe : closure) {
            RecipeClassLoader loader = loaderFor(context, recipe);
            if (!loader.offer(recipe)) {
                throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(recipe.name()),
                        "refused class-by-value recipe: the"
                        + " same writing loader sent two different definitions of this class");
            }
            loaders.put(recipe, loader);
        }
        for (ClassRecipe recipe : closure) {
            for (ClassRecipe link : recipe.linked()) {
                loaders.get(recipe).link(link.name(), loaders.get(link));
            }
        }
        RecipeClassLoader loader = loaders.get(root);
        boolean known = loader.isDefined(root.name());
        try {
            // through the loader itself, not Class.forName: the JVM would hand out a class it defined already without
            // asking, even one whose static state could not be restored
            Class<?> materialized = loader.loadClass(root.name());
            if (known) {
                AgentCounters.registryHit();
            }
            return materialized;
        } catch (ClassNotFoundException | LinkageError e) {
            InvalidClassException failed = new InvalidClassException(Printable.className(root.name()),
                    "verified, but it cannot be defined in this JVM: " + e);
            failed.initCause(e);
            throw failed;
        }
    }

    /**
     * The class a recipe that passed before was materialized as, for this context, or null: a tag and byte
     * comparison and two map lookups, no HMAC. The recipes it linked were verified and offered with it then.
     */
    private static Class<?> alreadyMaterialized(ClassRecipe root, ClassLoader context) {
        if (!isVerifiedBefore(root)) {
            return null;
        }
        RecipeClassLoader loader = existingLoader(context, new Origin(root.jvmId(), root.loaderNumber()));
        return loader == null ? null : loader.definedClass(root.name(), root.tag());
    }

    /** How many materialized classes are alive (in loaders not collected yet). */
    public static long size() {
        long size = 0;
        for (RecipeClassLoader loader : liveLoaders()) {
            size += loader.definedNames().size();
        }
        return size;
    }

    /** Every materialized class, {@code name in loader}, sorted; for operators (JMX). */
    public static List<String> describeAll() {
        List<String> lines = new java.util.ArrayList<>();
        for (RecipeClassLoader loader : liveLoaders()) {
            for (String name : loader.definedNames()) {
                lines.add(name + " in " + loader);
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static List<RecipeClassLoader> liveLoaders() {
        List<RecipeClassLoader> live = new java.util.ArrayList<>();
        synchronized (LOADERS) {
            for (OriginLoaders loaders : LOADERS.values()) {
                loaders.addLiveTo(live);
            }
        }
        return live;
    }

    /** The recipe and every recipe it links, each once, the root first. */
    private static List<ClassRecipe> closure(ClassRecipe root) {
        Set<ClassRecipe> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<ClassRecipe> pending = new ArrayDeque<>();
        List<ClassRecipe> ordered = new java.util.ArrayList<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            ClassRecipe recipe = pending.removeFirst();
            if (seen.add(recipe)) {
                ordered.add(recipe);
                pending.addAll(Arrays.asList(recipe.linked()));
            }
        }
        return ordered;
    }

    /** Whether this very recipe (same tag, same tagged contents) passed verification before. */
    private static boolean isVerifiedBefore(ClassRecipe recipe) {
        ClassRecipe passed = VERIFIED.get(ByteBuffer.wrap(recipe.tag()));
        return passed != null && (passed == recipe || Arrays.equals(passed.bytes(), recipe.bytes())
                && Arrays.equals(passed.staticState(), recipe.staticState()) && passed.name().equals(recipe.name())
                && passed.jvmId() == recipe.jvmId() && passed.loaderNumber() == recipe.loaderNumber());
    }

    private static void verify(ClassRecipe recipe, ByValue settings) throws InvalidClassException {
        if (isVerifiedBefore(recipe)) {
            return;
        }
        ByteBuffer tag = ByteBuffer.wrap(recipe.tag());
        String name = Printable.className(recipe.name());
        if (!settings.key.verifies(recipe.tag(), ClassRecipe.TAG_DOMAIN, recipe.taggedParts())) {
            throw Refusals.invalidClass(RefusalReason.INTEGRITY, name, "refused class-by-value recipe: its HMAC-SHA256 tag does not verify"
                    + " (the writer used another key, or the class bytes or static state were changed on the way);"
                    + " nothing was defined");
        }
        ClassFacts facts;
        try {
            facts = settings.inspector.inspect(recipe.bytes());
        } catch (RuntimeException e) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused class-by-value recipe: its bytes are not a class file Ferry"
                    + " can read (" + e + ")");
        }
        if (!facts.name().equals(recipe.name().replace('.', '/'))) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused class-by-value recipe: its bytes define "
                    + Printable.className(facts.name()));
        }
        String denied = settings.policy.firstDenied(facts.classReferences(), facts.memberReferences());
        if (denied != null) {
            throw Refusals.invalidClass(RefusalReason.DENIED_REFERENCE, name, "refused class-by-value recipe: denied reference " + denied
                    + " (Ferry's reference deny-list; lift a rule with allowReferences=...); nothing was defined");
        }
        if (VERIFIED.size() >= MAX_VERIFIED) {
            VERIFIED.clear();
        }
        VERIFIED.put(tag, recipe);
    }

    private static RecipeClassLoader existingLoader(ClassLoader context, Origin origin) {
        synchronized (LOADERS) {
            OriginLoaders loaders = LOADERS.get(context);
            return loaders == null ? null : loaders.get(origin);
        }
    }

    private static RecipeClassLoader loaderFor(ClassLoader context, ClassRecipe recipe) {
        Origin origin = new Origin(recipe.jvmId(), recipe.loaderNumber());
        synchronized (LOADERS) {
            OriginLoaders loaders = LOADERS.get(context);
            if (loaders == null) {
                loaders = new OriginLoaders();
                LOADERS.put(context, loaders);
            }
            RecipeClassLoader loader = loaders.get(origin);
            if (loader == null) {
                loader = new RecipeClassLoader(context, origin.toString());
                loaders.put(origin, loader);
            }
            return loader;
        }
    }

    /**
     * The loaders made under one resolving loader, held weakly. Collected loaders leave cleared references behind,
     * swept whenever the map has doubled since the last sweep: making a loader costs constant time on average however
     * many are alive.
     */
    private static final class OriginLoaders {
        private final Map<Origin, WeakReference<RecipeClassLoader>> byOrigin = new HashMap<>();
        private int sweepAt = 16;

        RecipeClassLoader get(Origin origin) {
            WeakReference<RecipeClassLoader> reference = byOrigin.get(origin);
            return reference == null ? null : reference.get();
        }

        void addLiveTo(List<RecipeClassLoader> live) {
            for (WeakReference<RecipeClassLoader> reference : byOrigin.values()) {
                RecipeClassLoader loader = reference.get();
                if (loader != null) {
                    live.add(loader);
                }
            }
        }

        void put(Origin origin, RecipeClassLoader loader) {
            if (byOrigin.size() >= sweepAt) {
                byOrigin.values().removeIf(each -> each.get() == null);
                sweepAt = Math.max(16, 2 * byOrigin.size());
            }
            byOrigin.put(origin, new WeakReference<>(loader));
        }
    }

    /** A loader of a writing JVM. */
    private record Origin(long jvmId, int loaderNumber) {
        @Override
        public String toString() {
            return Long.toHexString(jvmId) + "/" + loaderNumber;
        }
    }
}
