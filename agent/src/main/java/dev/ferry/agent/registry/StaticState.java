package dev.ferry.agent.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Restores the static fields a generator set on the writer's class, from a recipe's verified nested stream. */
final class StaticState {

    private StaticState() {
    }

    static void apply(Class<?> type, byte[] state) throws IOException, ClassNotFoundException,
            ReflectiveOperationException {
        if (state.length == 0) {
            return;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Object value = in.readObject();
                Field field = type.getDeclaredField(name);
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                    throw new InvalidClassException(type.getName(), "static state names field " + name
                            + ", which is not a static non-final field");
                }
                field.setAccessible(true);
                field.set(null, value);
            }
        }
    }
}
