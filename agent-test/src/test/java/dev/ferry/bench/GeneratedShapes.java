package dev.ferry.bench;

import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FieldAccessor;

/**
 * Makes {@code BuddySquare}: a {@link Shape} subclass generated with Byte Buddy, with the same field as
 * {@link PlainSquare} ({@code public int side}, read by {@link Shape#size()}). Each call defines a new class in a new
 * {@code ByteArrayClassLoader}, whose class file cannot be found by name: a generated class, which Ferry ships by
 * value when it has a key, and which its registry has never seen.
 */
public final class GeneratedShapes {

    /** Same length as {@code dev.ferry.bench.PlainSquare}; no class of this name is on the class path. */
    static final String NAME = "dev.ferry.bench.BuddySquare";

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private GeneratedShapes() {
    }

    /** A new generated class, never written nor read before. */
    public static Class<? extends Shape> newClass() {
        return BYTE_BUDDY.subclass(Shape.class)
                .name(NAME)
                .serialVersionUid(1L)
                .defineField("side", int.class, Visibility.PUBLIC)
                .method(named("size")).intercept(FieldAccessor.ofField("side"))
                .make()
                .load(Shape.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
    }

    /** An instance of {@code type} whose {@code side} is {@code side}. */
    public static Shape instance(Class<? extends Shape> type, int side) {
        try {
            Shape shape = type.getConstructor().newInstance();
            type.getField("side").setInt(shape, side);
            return shape;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the generated " + type.getName(), e);
        }
    }

    /** {@code count} instances of {@code type}, sides 0, 1, 2, ... */
    public static Shape[] instances(Class<? extends Shape> type, int count) {
        Shape[] shapes = new Shape[count];
        for (int i = 0; i < count; i++) {
            shapes[i] = instance(type, i);
        }
        return shapes;
    }

    /** {@code count} {@link PlainSquare}s, sides 0, 1, 2, ... */
    public static Shape[] plainSquares(int count) {
        Shape[] shapes = new Shape[count];
        for (int i = 0; i < count; i++) {
            shapes[i] = new PlainSquare(i);
        }
        return shapes;
    }
}
