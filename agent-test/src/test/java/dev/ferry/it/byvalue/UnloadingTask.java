package dev.ferry.it.byvalue;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * Loaded by {@link LoaderCollection} through a {@code URLClassLoader} of its own, so that the plain
 * {@code ObjectInputStream} below resolves names through that loader (the latest user-defined loader on the stack):
 * the object is an instance of that loader's copy of {@link Base} (or the cast below fails). Returns only what cannot
 * keep the loader alive: {@code describe()}, a weak reference to the object's class, whether {@link Base} is this
 * task's loader's own copy, and the name of the object's class's loader's class.
 */
public final class UnloadingTask implements Function<byte[], Object[]> {

    @Override
    public Object[] apply(byte[] stream) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            Base read = (Base) in.readObject();
            Class<?> type = read.getClass();
            ClassLoader loader = type.getClassLoader();
            return new Object[] {read.describe(), new WeakReference<Class<?>>(type),
                    Base.class.getClassLoader() == getClass().getClassLoader(),
                    loader == null ? "bootstrap" : loader.getClass().getName()};
        } catch (Exception e) {
            throw new IllegalStateException("the task could not read its stream", e);
        }
    }
}
