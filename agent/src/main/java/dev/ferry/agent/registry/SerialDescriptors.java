package dev.ferry.agent.registry;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.io.ObjectStreamClass;

/**
 * Binds a descriptor read from a stream to the reader's own specialization. The reader's class has another name than
 * the writer's (generators name classes per JVM: {@code Box$ByteBuddy$x8Gq}), and so another computed
 * {@code serialVersionUID}; {@code ObjectStreamClass.initNonProxy} refuses both differences. The recipe, not the
 * name, says which class this is, so the descriptor takes the local name, and the local computed
 * {@code serialVersionUID} when the class declares none. A declared one is left to the JDK's check.
 */
final class SerialDescriptors {

    private SerialDescriptors() {
    }

    static void adopt(ObjectStreamClass descriptor, Class<?> local) {
        if (descriptor.forClass() != null) {
            return; // a stream subclass handed over a local descriptor, not one read from the stream: leave it alone
        }
        JdkInternals.putField(descriptor, "name", local.getName());
        if (!local.isArray() && !declaresSerialVersionUid(local)) {
            ObjectStreamClass own = ObjectStreamClass.lookupAny(local);
            JdkInternals.putField(descriptor, "suid", own.getSerialVersionUID());
        }
    }

    private static boolean declaresSerialVersionUid(Class<?> type) {
        try {
            Field field = type.getDeclaredField("serialVersionUID");
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == long.class;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
