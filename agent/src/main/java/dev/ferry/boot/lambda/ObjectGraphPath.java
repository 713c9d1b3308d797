package dev.ferry.boot.lambda;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds how an object graph reaches an object of a given class, the way serialization would walk it (non-static,
 * non-transient fields of serializable classes, array elements, collection and map contents). Used only to explain a
 * failure, so it is bounded and gives up quietly where reflection is not allowed.
 */
final class ObjectGraphPath {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_OBJECTS = 100_000;

    private final String targetClass;
    private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> reversedPath = new ArrayList<>();

    private ObjectGraphPath(String targetClass) {
        this.targetClass = targetClass;
    }

    /** The steps from {@code root} (exclusive) to an object of class {@code targetClass}; empty if not found. */
    static List<String> find(Object root, String targetClass) {
        ObjectGraphPath search = new ObjectGraphPath(targetClass);
        if (!search.reaches(root, 0)) {
            return List.of();
        }
        List<String> path = new ArrayList<>(search.reversedPath);
        Collections.reverse(path);
        return path;
    }

    private boolean reaches(Object node, int depth) {
        if (node == null || depth > MAX_DEPTH || visited.size() > MAX_OBJECTS || !visited.add(node)) {
            return false;
        }
        if (node.getClass().getName().equals(targetClass) && depth > 0) {
            return true;
        }
        if (node instanceof Object[]) {
            Object[] array = (Object[]) node;
            for (int i = 0; i < array.length; i++) {
                if (step(array[i], depth, "[" + i + "]")) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Collection) {
            int i = 0;
            for (Object element : (Collection<?>) node) {
                if (step(element, depth, "element " + i++)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                if (step(entry.getKey(), depth, "key " + entry.getKey())
                        || step(entry.getValue(), depth, "value of key " + entry.getKey())) {
                    return true;
                }
            }
            return false;
        }
        return node instanceof Serializable && fieldsReach(node, depth);
    }

    private boolean fieldsReach(Object node, int depth) {
        for (Class<?> c = node.getClass(); c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.getType().isPrimitive()
                        || !field.trySetAccessible()) {
                    continue;
                }
                try {
                    if (step(field.get(node), depth, "field '" + field.getName() + "'")) {
                        return true;
                    }
                } catch (IllegalAccessException e) {
                    // trySetAccessible said yes; nothing more to learn from this field
                }
            }
        }
        return false;
    }

    private boolean step(Object child, int depth, String how) {
        if (child == null) {
            return false;
        }
        if (child.getClass().getName().equals(targetClass) || reaches(child, depth + 1)) {
            reversedPath.add(how + " (" + child.getClass().getName() + ")");
            return true;
        }
        return false;
    }
}
