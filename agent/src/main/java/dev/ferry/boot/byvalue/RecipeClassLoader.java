package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.ClassBudget;
import dev.ferry.boot.diagnostics.AgentCounters;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines, on the reader, the generated classes that one loader of one writing JVM defined: classes generated
 * together (a proxy and its helper classes, a subclass injected next to its siblings) share a loader again, so their
 * package-private access still works. Its parent is the loader the stream resolves names with, which sees the
 * classes' class-path super types; generated super types from other writing loaders are reached through
 * {@link #link}.
 *
 * <p>It defines only recipes the registry verified ({@link #offer}), on demand, one class per name, under the
 * per-name lock, and restores a class's static state before it hands the class out; a class whose static state could
 * not be restored yet is finished by the next request for it.
 */
public final class RecipeClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, ClassRecipe> verified = new ConcurrentHashMap<>();
    private final Map<String, Defined> defined = new ConcurrentHashMap<>();
    private final Map<String, RecipeClassLoader> links = new ConcurrentHashMap<>();
    /** Classes defined here whose static state is not restored yet: never handed out until it is. */
    private final Map<String, Class<?>> unfinished = new ConcurrentHashMap<>();

    RecipeClassLoader(ClassLoader parent, String origin) {
        super("ferry:" + origin, parent);
    }

    /**
     * Makes a verified recipe definable here.
     *
     * @return false when this loader already holds another definition of that name
     */
    boolean offer(ClassRecipe recipe) {
        ClassRecipe known = verified.putIfAbsent(recipe.name(), recipe);
        return known == null || Arrays.equals(known.tag(), recipe.tag());
    }

    /** Resolves {@code name} through the loader of another writing loader's classes. */
    void link(String name, RecipeClassLoader owner) {
        if (owner != this) {
            links.putIfAbsent(name, owner);
        }
    }

    /** Whether the class of this name is defined here already. */
    boolean isDefined(String name) {
        return defined.containsKey(name);
    }

    /** The class of this name defined here, complete, from the recipe with this tag; or null. */
    Class<?> completeClass(String name, byte[] tag) {
        Defined entry = defined.get(name);
        return entry != null && Arrays.equals(entry.tag, tag) && !unfinished.containsKey(name) ? entry.type : null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> found = unfinished.containsKey(name) ? finish(name) : findLoadedClass(name);
            if (found == null) {
                ClassRecipe recipe = verified.get(name);
                if (recipe != null) {
                    found = define(recipe);
                } else {
                    RecipeClassLoader owner = links.get(name);
                    found = owner != null ? owner.loadClass(name) : super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(found);
            }
            return found;
        }
    }

    private Class<?> define(ClassRecipe recipe) throws ClassNotFoundException {
        String name = recipe.name();
        long start = System.nanoTime();
        Class<?> type;
        try {
            type = defineClass(name, recipe.bytes(), 0, recipe.bytes().length);
        } catch (LinkageError | RuntimeException e) {
            // nothing was defined (a missing super type, a class the JVM refuses): a later stream may try again
            ClassNotFoundException failed = new ClassNotFoundException(name + " could not be defined: " + e, e);
            AgentCounters.refused(RefusalReason.DEFINITION, name, failed);
            throw failed;
        }
        defined.put(name, new Defined(type, recipe.tag()));
        ClassBudget.made(type);
        unfinished.put(name, type);
        finish(name);
        AgentCounters.classMaterialized(name, System.nanoTime() - start);
        return type;
    }

    /**
     * Restores the static state of a class defined here, all of it or none, with the filter of the stream being read:
     * when that stream's filter rejects a value, the class stays unfinished for the next stream to complete.
     */
    private Class<?> finish(String name) throws ClassNotFoundException {
        Class<?> type = unfinished.get(name);
        try {
            StaticState.apply(type, verified.get(name).staticState());
        } catch (Exception | LinkageError e) {
            ClassNotFoundException failed = new ClassNotFoundException(name + ": its static state could not be"
                    + " restored: " + e, e);
            AgentCounters.refused(RefusalReason.DEFINITION, name, failed);
            throw failed;
        }
        unfinished.remove(name);
        return type;
    }

    /** The classes defined here so far, by name. */
    java.util.Set<String> definedNames() {
        return java.util.Set.copyOf(defined.keySet());
    }

    /** A class defined here, and the tag of its recipe. */
    private record Defined(Class<?> type, byte[] tag) {
    }

    @Override
    public String toString() {
        return getName() + " (Ferry, parent " + getParent() + ")";
    }
}
