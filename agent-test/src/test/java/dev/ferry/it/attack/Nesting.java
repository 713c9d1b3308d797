package dev.ferry.it.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a payload sits in the stream: the JDK reads each through another path (a field's default reading, an array's
 * elements, a collection's own {@code readObject}), and a refusal must cross each as the checked exception it is.
 */
public enum Nesting {
    /** {@code Holder.payload}. */
    FIELD,
    /** {@code Object[] {"before", payload, "after"}}. */
    ARRAY,
    /** {@code ArrayList ["before", payload, "after"]}, read by {@code ArrayList.readObject}. */
    LIST,
    /** {@code HashMap {"key" = payload}}, read by {@code HashMap.readObject}. */
    MAP;

    Object wrap(Object payload) {
        switch (this) {
            case FIELD:
                return new Holder("holder", payload);
            case ARRAY:
                return new Object[] {"before", payload, "after"};
            case LIST:
                return new ArrayList<>(List.of("before", payload, "after"));
            default:
                Map<String, Object> map = new HashMap<>();
                map.put("key", payload);
                return map;
        }
    }

    /** The payload of what {@link #wrap} made, as read back; fails when the container is not as written. */
    Object unwrap(Object read) {
        switch (this) {
            case FIELD:
                return ((Holder) read).payload;
            case ARRAY:
                Object[] array = (Object[]) read;
                check(array.length == 3 && "before".equals(array[0]) && "after".equals(array[2]), read);
                return array[1];
            case LIST:
                List<?> list = (List<?>) read;
                check(list.size() == 3 && "before".equals(list.get(0)) && "after".equals(list.get(2)), read);
                return list.get(1);
            default:
                Map<?, ?> map = (Map<?, ?>) read;
                check(map.size() == 1, read);
                return map.get("key");
        }
    }

    private static void check(boolean wellFormed, Object read) {
        if (!wellFormed) {
            throw new IllegalStateException("the container was not read back as written: " + read);
        }
    }

    /** {@code field}, {@code array}, ...: part of stream file names. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
