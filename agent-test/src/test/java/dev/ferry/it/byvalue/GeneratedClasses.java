package dev.ferry.it.byvalue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes the generators made in this JVM, by name. Only the in-JVM fixture self-check uses it (to resolve names
 * a plain {@code ObjectInputStream} cannot); the cross-JVM programs never look anything up here.
 */
final class GeneratedClasses {

    private static final Map<String, Class<?>> BY_NAME = new ConcurrentHashMap<>();

    private GeneratedClasses() {
    }

    static <T> Class<T> remember(Class<T> type) {
        BY_NAME.put(type.getName(), type);
        return type;
    }

    static Class<?> find(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Whether {@code type} cannot be found by name on this JVM's class path: the definition of a generated class. A
     * class-path class that this check calls generated would make a scenario prove nothing.
     */
    static boolean notOnTheClassPath(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        return ClassLoader.getSystemClassLoader().getResource(resource) == null;
    }
}
