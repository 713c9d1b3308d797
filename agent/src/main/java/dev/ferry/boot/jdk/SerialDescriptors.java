package dev.ferry.boot.jdk;

import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Binds a descriptor read from a stream to a local class of another name. A reader's specialization is named by its
 * own generator ({@code Box$ByteBuddy$x8Gq}), and so has another computed {@code serialVersionUID}; a lambda's call
 * site may sit at another position in the reader's build of its capturing class, so its wire class has another
 * index in its name. {@code ObjectStreamClass.initNonProxy} refuses both differences; the recipe, not the name, says
 * which class this is, so the descriptor takes the local name, and the local computed {@code serialVersionUID} when
 * the class declares none. A declared one is left to the JDK's check.
 */
public final class SerialDescriptors {

    private SerialDescriptors() {
    }

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
        JdkInternals.renameDescriptor(descriptor, local.getName(), ADOPTED_UID.get(local));
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
