package dev.ferry.api;

import java.lang.reflect.Type;
import java.util.List;

/**
 * A framework's generator of specializations, as Ferry sees it: it names the classes it made
 * ({@link #describe}), and makes or returns them again from their origin and type arguments ({@link #specialize}).
 *
 * <p>Example, a library that generates one {@code Box} subclass per type argument and caches them:
 * <pre>{@code
 * public final class BoxGenerator implements SpecializationGenerator {
 *     public String id() { return "com.acme.boxes"; }
 *     public Specialization describe(Class<?> type) { return Boxes.specializationOf(type); } // null if not ours
 *     public boolean accepts(Class<?> origin) { return Box.class.isAssignableFrom(origin); }
 *     public Class<?> specialize(Class<?> origin, List<Type> arguments) {
 *         return Boxes.specialize(origin, arguments.toArray(new Type[0])); // the cached class, or a new one
 *     }
 * }
 * }</pre>
 * registered with a {@code META-INF/services/dev.ferry.api.SpecializationGenerator} file naming
 * {@code com.acme.BoxGenerator}, or with {@link Specializations#register}.
 *
 * <p>Implementations must be thread-safe. Ferry calls {@link #specialize} at most once at a time for one (origin,
 * arguments) pair and relies on the generator's own cache afterwards: the generator should return the same class for
 * equal pairs, as its users expect anyway. Arguments are compared with {@code equals}; Ferry's
 * {@link java.lang.reflect.ParameterizedType}, {@link java.lang.reflect.WildcardType} and
 * {@link java.lang.reflect.GenericArrayType} (made by {@link Types}) are equal to the JDK's for the same type.
 */
public interface SpecializationGenerator {

    /**
     * The generator's stable id, written into streams and looked up by readers: the same in every JVM and version
     * that should read each other's objects. One to 200 characters among {@code A-Z a-z 0-9 . _ - : /}, such as
     * {@code com.acme.boxes}.
     */
    String id();

    /**
     * Writer side: the origin and type arguments of {@code type} if this generator made it, else {@code null}. Asked
     * once per class, when an object or {@code Class} of it is first written, for classes no class loader can find by
     * name; it should be a lookup, not a computation.
     */
    Specialization describe(Class<?> type);

    /**
     * Reader side: whether this generator makes specializations of {@code origin} at all. Asked for every origin a
     * stream names, before any class is made for the stream's recipe; {@code false} refuses the stream with an
     * {@link java.io.InvalidClassException} naming the generator and the origin. The origin has been loaded, not
     * initialized.
     */
    boolean accepts(Class<?> origin);

    /**
     * Reader side: the specialization of {@code origin} for {@code arguments}, made now or returned from the
     * generator's cache. Arguments are {@code Class}es (specializations among them), {@code ParameterizedType}s,
     * {@code GenericArrayType}s and {@code WildcardType}s, never type variables. An exception refuses the stream with
     * an {@link java.io.InvalidClassException} naming the generator and the origin, the exception as its cause.
     *
     * @param arguments unmodifiable
     */
    Class<?> specialize(Class<?> origin, List<Type> arguments);
}
