package dev.ferry.boot.jdk;

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
public final class SerialDescriptors {

    private SerialDescriptors() {
    }

    private static final long NAME = JdkInternals.fieldOffset(ObjectStreamClass.class, "name");
    private static final long SUID = JdkInternals.fieldOffset(ObjectStreamClass.class, "suid");

    /** Per class, the {@code serialVersionUID} a descriptor bound to it takes; null to keep the stream's. */
    private static final ClassValue<Long> ADOPTED_UID = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            return type.isArray() || declaresSerialVersionUid(type) ? null
                    : ObjectStreamClass.lookupAny(type).getSerialVersionUID();
        }
    };

    public static void adopt(ObjectStreamClass descriptor, Class<?> local) {
        if (descriptor.forClass() != null) {
            return; // a stream subclass handed over a local descriptor, not one read from the stream: leave it alone
        }
        JdkInternals.putReference(descriptor, NAME, local.getName());
        Long uid = ADOPTED_UID.get(local);
        if (uid != null) {
            JdkInternals.putReference(descriptor, SUID, uid);
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
