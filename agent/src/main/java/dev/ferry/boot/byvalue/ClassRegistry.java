package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.jdk.JdkInternals;
import dev.ferry.boot.security.ClassBudget;
import dev.ferry.boot.security.Printable;
import dev.ferry.boot.security.ReferencePolicy;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader's side of class-by-value: verifies a descriptor's recipes and materializes each distinct class once.
 *
 * <p>Order for one annotation's closure: every recipe is checked first, against the key (HMAC-SHA256 over its name,
 * origin, bytes, static state and the recipes it links) and the reference policy, and the stream's class budget is
 * asked for the classes that are new; only then are the recipes offered to their loaders and the classes loaded, which
 * defines them and restores their static state. Nothing shipped is defined, initialized or run before every recipe it
 * could pull in has passed, and nothing a refused or failed read did changes what a later stream gets: a class whose
 * static state could not be restored (the stream's filter rejected a value) is finished by the next stream that
 * brings it.
 *
 * <p>Classes are defined in a loader of Ferry's per (parent, writing loader), the parent being the loader that sees
 * the closure's class-path super types as the stream resolved them (or, when those are all the JDK's, the loader the
 * stream resolves names with). Caches hold no loader strongly: loaders are found
 * through weak keys and weak values; a recipe verified once is recognized again by its tag and identical contents.
 */
public final class ClassRegistry {

    private static final int MAX_VERIFIED = 10_000;

    /** Parent loader (weak) to writing loader to its loader here (weak). */
    private static final Map<ClassLoader, OriginLoaders> LOADERS = new WeakHashMap<>();
    /** Recipes that passed, by tag; no loader or class in here. */
    private static final Map<ByteBuffer, ClassRecipe> VERIFIED = new ConcurrentHashMap<>();

    private ClassRegistry() {
    }

    /**
     * The class a closure's root stands for.
     *
     * @param in the stream that carries it: its budget, its filter for the static state
     * @throws InvalidClassException when this JVM has no key, a tag does not verify, the policy denies a reference,
     *     the budget is spent, or the class cannot be defined; nothing of a refused closure was defined
     */
    public static Class<?> materialize(ClassRecipes.Closure closure, ObjectInputStream in)
            throws IOException, ClassNotFoundException {
        ClassRecipe root = closure.root();
        ByValue settings = ByValue.settings();
        if (settings.key == null) {
            throw Refusals.invalidClass(RefusalReason.NO_KEY, Printable.className(root.name()),
                    "refused class-by-value recipe: this JVM has no key to verify it with; start it with"
                    + " -javaagent:ferry-agent.jar=keyFile=PATH, PATH holding the writer's key (at least 32 bytes)");
        }
        ClassLoader parent = parent(closure.superTypes());
        Class<?> before = alreadyMaterialized(root, parent);
        if (before != null) {
            AgentCounters.registryHit();
            return before;
        }
        Subtypes subtypes = new Subtypes(closure, parent, settings);
        for (ClassRecipe recipe : closure.recipes()) {
            verify(recipe, settings, subtypes);
        }
        Map<ClassRecipe, RecipeClassLoader> loaders = new IdentityHashMap<>();
        int fresh = 0;
        for (ClassRecipe recipe : closure.recipes()) {
            RecipeClassLoader loader = loaderFor(parent, recipe);
            loaders.put(recipe, loader);
            fresh += loader.isDefined(recipe.name()) ? 0 : 1;
        }
        ClassBudget.spend(in, fresh, Printable.className(root.name()));
        for (ClassRecipe recipe : closure.recipes()) {
            if (!loaders.get(recipe).offer(recipe)) {
                throw Refusals.invalidClass(RefusalReason.MALFORMED, Printable.className(recipe.name()),
                        "refused class-by-value recipe: the same writing loader sent two different definitions of"
                        + " this class");
            }
        }
        for (ClassRecipe recipe : closure.recipes()) {
            for (ClassRecipe link : recipe.linked()) {
                loaders.get(recipe).link(link.name(), loaders.get(link));
            }
        }
        boolean known = loaders.get(root).isDefined(root.name());
        Class<?> materialized = StaticState.whileReading(in, new StaticState.Resolution<Class<?>>() {
            @Override
            public Class<?> resolve() throws IOException, ClassNotFoundException {
                // every class of the closure complete (defined, static state restored) before any is handed out
                for (ClassRecipe recipe : closure.recipes()) {
                    load(loaders.get(recipe), recipe);
                }
                return load(loaders.get(root), root);
            }
        });
        if (known) {
            AgentCounters.registryHit();
        }
        return materialized;
    }

    /** Through the loader itself: it defines the class, or finishes one whose static state is still missing. */
    private static Class<?> load(RecipeClassLoader loader, ClassRecipe recipe) throws InvalidClassException {
        try {
            return loader.loadClass(recipe.name());
        } catch (ClassNotFoundException | LinkageError e) {
            InvalidClassException failed = new InvalidClassException(Printable.className(recipe.name()),
                    "verified, but it cannot be defined in this JVM: " + e);
            failed.initCause(e);
            throw failed;
        }
    }

    /**
     * The loader the closure's classes resolve their class-path names in: among the loaders of the super types the
     * stream resolved, the one that sees them all; the latest user-defined loader (what {@code ObjectInputStream}
     * resolves with) when they are all the JDK's.
     */
    private static ClassLoader parent(List<Class<?>> superTypes) throws InvalidClassException {
        boolean userDefined = false;
        for (Class<?> superType : superTypes) {
            ClassLoader loader = superType.getClassLoader();
            if (loader != null && seesAll(loader, superTypes)) {
                return loader;
            }
            userDefined |= loader != null;
        }
        if (userDefined) {
            throw Refusals.invalidClass(RefusalReason.DEFINITION, "class-by-value recipe", "its super types "
                    + describe(superTypes) + " come from class loaders none of which sees them all");
        }
        return streamLoader();
    }

    /**
     * The loader {@code ObjectInputStream} resolves names with (the latest user-defined loader on the stack), or, when
     * that is a loader of Ferry's (the stream is inside the {@code readObject} of a class Ferry materialized), the
     * loader outside Ferry's it sits under: classes of one writing loader share one parent however deep they are read.
     */
    private static ClassLoader streamLoader() {
        ClassLoader loader = JdkInternals.latestUserDefinedLoader();
        while (loader instanceof RecipeClassLoader) {
            loader = loader.getParent();
        }
        return loader;
    }

    /** Whether {@code loader} resolves every super type to the very class the stream gave. */
    private static boolean seesAll(ClassLoader loader, List<Class<?>> superTypes) {
        for (Class<?> superType : superTypes) {
            try {
                if (Class.forName(superType.getName(), false, loader) != superType) {
                    return false;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Class<?>> types) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : types) {
            names.add(type.getName() + " (" + type.getClassLoader() + ")");
        }
        return names.toString();
    }

    /**
     * The class a recipe that passed before was materialized as, under this parent, or null: a tag and byte
     * comparison and two map lookups, no HMAC. The recipes it linked were verified and offered with it then.
     */
    private static Class<?> alreadyMaterialized(ClassRecipe root, ClassLoader parent) {
        if (!isVerifiedBefore(root)) {
            return null;
        }
        RecipeClassLoader loader = existingLoader(parent, new Origin(root.jvmId(), root.loaderNumber()));
        return loader == null ? null : loader.completeClass(root.name(), root.tag());
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
        List<String> lines = new ArrayList<>();
        for (RecipeClassLoader loader : liveLoaders()) {
            for (String name : loader.definedNames()) {
                lines.add(name + " in " + loader);
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static List<RecipeClassLoader> liveLoaders() {
        List<RecipeClassLoader> live = new ArrayList<>();
        synchronized (LOADERS) {
            for (OriginLoaders loaders : LOADERS.values()) {
                loaders.addLiveTo(live);
            }
        }
        return live;
    }

    /** Whether this very recipe (same tag, same tagged contents) passed verification before. */
    private static boolean isVerifiedBefore(ClassRecipe recipe) {
        ClassRecipe passed = VERIFIED.get(ByteBuffer.wrap(recipe.tag()));
        return passed != null && (passed == recipe || Arrays.equals(passed.bytes(), recipe.bytes())
                && Arrays.equals(passed.staticState(), recipe.staticState()) && passed.name().equals(recipe.name())
                && passed.jvmId() == recipe.jvmId() && passed.loaderNumber() == recipe.loaderNumber()
                && sameLinks(passed, recipe));
    }

    private static boolean sameLinks(ClassRecipe passed, ClassRecipe recipe) {
        ClassRecipe[] a = passed.linked();
        ClassRecipe[] b = recipe.linked();
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].name().equals(b[i].name()) || a[i].jvmId() != b[i].jvmId()
                    || a[i].loaderNumber() != b[i].loaderNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void verify(ClassRecipe recipe, ByValue settings, Subtypes subtypes) throws InvalidClassException {
        if (isVerifiedBefore(recipe)) {
            return;
        }
        String name = Printable.className(recipe.name());
        if (!settings.key.verifies(recipe.tag(), ClassRecipe.TAG_DOMAIN, recipe.taggedParts())) {
            throw Refusals.invalidClass(RefusalReason.INTEGRITY, name, "refused class-by-value recipe: its"
                    + " HMAC-SHA256 tag does not verify (the writer used another key, or the class bytes, static state"
                    + " or linked classes were changed on the way); nothing was defined");
        }
        ClassFacts facts;
        try {
            facts = settings.inspector.inspect(recipe.bytes());
        } catch (RuntimeException e) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused class-by-value recipe: its bytes are"
                    + " not a class file Ferry can read (" + e + ")");
        }
        if (!facts.name().equals(recipe.name().replace('.', '/'))) {
            throw Refusals.invalidClass(RefusalReason.MALFORMED, name, "refused class-by-value recipe: its bytes"
                    + " define " + Printable.className(facts.name()));
        }
        String denied = settings.policy.firstDenied(facts.classReferences(), facts.memberReferences(), subtypes);
        if (denied != null) {
            throw Refusals.invalidClass(RefusalReason.DENIED_REFERENCE, name, "refused class-by-value recipe:"
                    + " denied reference " + denied + " (Ferry's reference deny-list; lift a rule with"
                    + " allowReferences=...); nothing was defined");
        }
        if (VERIFIED.size() >= MAX_VERIFIED) {
            VERIFIED.clear();
        }
        VERIFIED.put(ByteBuffer.wrap(recipe.tag()), recipe);
    }

    /**
     * Whether a class a received class names extends another, as it would resolve there: up the superclasses of the
     * closure's own recipes (read from their bytes, nothing defined), then through the parent loader (loaded, not
     * initialized; there, implemented interfaces count too). A class found nowhere cannot be used by the received
     * class either.
     */
    private static final class Subtypes implements ReferencePolicy.Subtypes {
        private final Map<String, ClassRecipe> closure = new HashMap<>();
        private final ClassLoader parent;
        private final ByValue settings;

        Subtypes(ClassRecipes.Closure recipes, ClassLoader parent, ByValue settings) {
            for (ClassRecipe recipe : recipes.recipes()) {
                closure.put(recipe.name().replace('.', '/'), recipe);
            }
            this.parent = parent;
            this.settings = settings;
        }

        @Override
        public boolean isSubtype(String type, String supertype) {
            String current = type;
            for (int depth = 0; current != null && depth < 64; depth++) {
                if (current.equals(supertype)) {
                    return true;
                }
                ClassRecipe recipe = closure.get(current);
                if (recipe == null) {
                    return isLoadedSubtype(current, supertype);
                }
                current = settings.inspector.inspect(recipe.bytes()).superName();
            }
            return false;
        }

        private boolean isLoadedSubtype(String type, String supertype) {
            try {
                Class<?> resolved = Class.forName(type.replace('/', '.'), false, parent);
                Class<?> expected = Class.forName(supertype.replace('/', '.'), false, parent);
                return expected.isAssignableFrom(resolved);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                return false;
            }
        }
    }

    private static RecipeClassLoader existingLoader(ClassLoader parent, Origin origin) {
        synchronized (LOADERS) {
            OriginLoaders loaders = LOADERS.get(parent);
            return loaders == null ? null : loaders.get(origin);
        }
    }

    private static RecipeClassLoader loaderFor(ClassLoader parent, ClassRecipe recipe) {
        Origin origin = new Origin(recipe.jvmId(), recipe.loaderNumber());
        synchronized (LOADERS) {
            OriginLoaders loaders = LOADERS.get(parent);
            if (loaders == null) {
                loaders = new OriginLoaders();
                LOADERS.put(parent, loaders);
            }
            RecipeClassLoader loader = loaders.get(origin);
            if (loader == null) {
                loader = new RecipeClassLoader(parent, origin.toString());
                loaders.put(origin, loader);
            }
            return loader;
        }
    }

    /**
     * The loaders made under one parent, held weakly. Collected loaders leave cleared references behind, swept
     * whenever the map has doubled since the last sweep: making a loader costs constant time on average however many
     * are alive.
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
                for (Iterator<WeakReference<RecipeClassLoader>> each = byOrigin.values().iterator(); each.hasNext();) {
                    if (each.next().get() == null) {
                        each.remove();
                    }
                }
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
