package dev.ferry.boot.byvalue;

import dev.ferry.boot.diagnostics.RefusalReason;
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
 * per-name lock, and applies a class's static state before any other thread can see the class.
 */
public final class RecipeClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, ClassRecipe> verified = new ConcurrentHashMap<>();
    private final Map<String, Defined> defined = new ConcurrentHashMap<>();
    private final Map<String, RecipeClassLoader> links = new ConcurrentHashMap<>();
    private final Map<String, String> broken = new ConcurrentHashMap<>();

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

    /** The class of this name defined here from the recipe with this tag, or null. */
    Class<?> definedClass(String name, byte[] tag) {
        Defined entry = defined.get(name);
        return entry != null && Arrays.equals(entry.tag, tag) ? entry.type : null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            String failure = broken.get(name);
            if (failure != null) {
                // defined, but its static state could not be restored: never handed out without it
                throw new ClassNotFoundException(name + ": " + failure);
            }
            Class<?> found = findLoadedClass(name);
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
            StaticState.apply(type, recipe.staticState());
            defined.put(name, new Defined(type, recipe.tag()));
        } catch (Exception | LinkageError e) {
            broken.put(name, e.toString());
            ClassNotFoundException failed = new ClassNotFoundException(name + " could not be materialized: " + e, e);
            AgentCounters.refused(RefusalReason.DEFINITION, name, failed);
            throw failed;
        }
        AgentCounters.classMaterialized(name, System.nanoTime() - start);
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
