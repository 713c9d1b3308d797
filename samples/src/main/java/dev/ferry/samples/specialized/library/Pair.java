package dev.ferry.samples.specialized.library;

/**
 * A template with two type parameters: a pair whose halves are set independently, like a typed record whose fields
 * are optional until set.
 *
 * <pre>{@code
 * Pair<String, Integer> berth = Pair.of(String.class, Integer.class).setFirst("ferry");   // second still unset
 * }</pre>
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public abstract class Pair<A, B> extends TypedModel {

    private static final long serialVersionUID = 1L;

    private static final String FIRST = "first";
    private static final String SECOND = "second";

    private A first;
    private B second;

    protected Pair() {
    }

    /** A new {@code Pair<first, second>}, both halves unset. */
    @SuppressWarnings("unchecked")
    public static <A, B> Pair<A, B> of(Class<A> first, Class<B> second) {
        return TypedModels.newInstance(Pair.class, first, second);
    }

    /** @throws IllegalArgumentException if {@code value} is null or not of the first type argument */
    public Pair<A, B> setFirst(A value) {
        first = validated(FIRST, 0, value);
        return this;
    }

    /** @throws IllegalArgumentException if {@code value} is null or not of the second type argument */
    public Pair<A, B> setSecond(B value) {
        second = validated(SECOND, 1, value);
        return this;
    }

    /** @throws IllegalStateException if the first value was never set */
    public A first() {
        requireSet(FIRST);
        return first;
    }

    /** @throws IllegalStateException if the second value was never set */
    public B second() {
        requireSet(SECOND);
        return second;
    }

    /** {@code Pair<String, Integer>("ferry", unset)}. */
    @Override
    public String toString() {
        return modelType() + "(" + shown(FIRST, first) + ", " + shown(SECOND, second) + ")";
    }
}
