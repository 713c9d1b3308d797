package dev.ferry.bench;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.ferry.api.Specialization;
import dev.ferry.api.SpecializationGenerator;
import dev.ferry.api.Specializations;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FieldAccessor;

/**
 * The specializations benchmark's generator: one {@link Shape} subclass per type argument of {@link Template}, with
 * the same field as {@link PlainSquare}, made with Byte Buddy in a loader of its own and cached, registered with
 * Ferry explicitly. Only for JVMs with the agent (the SPI comes from its boot classes).
 */
final class SpecializedSquares implements SpecializationGenerator {

    /** The template: {@code Template<Integer>} is a square of integers, to the benchmark a name and nothing more. */
    public abstract static class Template<T> extends Shape {
        private static final long serialVersionUID = 1L;
    }

    private static final SpecializedSquares GENERATOR = new SpecializedSquares();
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private final Map<Specialization, Class<? extends Shape>> cache = new ConcurrentHashMap<>();
    private final Map<Class<?>, Specialization> made = new ConcurrentHashMap<>();

    private SpecializedSquares() {
    }

    /** {@code Template<argument>}, registering the generator with Ferry first. */
    static Class<? extends Shape> specialization(Type argument) {
        Specializations.register(GENERATOR);
        return GENERATOR.specialize(Specialization.of(Template.class, argument));
    }

    @Override
    public String id() {
        return "dev.ferry.bench.squares";
    }

    @Override
    public Specialization describe(Class<?> type) {
        return made.get(type);
    }

    @Override
    public boolean accepts(Class<?> origin) {
        return origin == Template.class;
    }

    @Override
    public Class<?> specialize(Class<?> origin, List<Type> arguments) {
        return specialize(Specialization.of(origin, arguments));
    }

    private Class<? extends Shape> specialize(Specialization key) {
        return cache.computeIfAbsent(key, k -> {
            Class<? extends Shape> type = BYTE_BUDDY.subclass(Template.class)
                    .serialVersionUid(1L)
                    .defineField("side", int.class, Visibility.PUBLIC)
                    .method(named("size")).intercept(FieldAccessor.ofField("side"))
                    .make()
                    .load(Template.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                    .getLoaded();
            made.put(type, k);
            return type;
        });
    }
}
