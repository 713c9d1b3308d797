package dev.ferry.agent.instrument;

import dev.ferry.boot.security.NamePrefixes;
import java.util.List;
import java.util.Set;

/**
 * Which classes Ferry prepares: application classes chosen by the {@code include}/{@code exclude} options, never the
 * JDK's or Ferry's own, except the JDK interfaces whose combinators ({@code Function.andThen}, {@code Predicate.not},
 * ...) wrap application lambdas in lambdas of their own (docs/how-it-works.md, Fact 5).
 */
public final class ClassSelection {

    /** JDK classes whose lambdas wrap the lambdas handed to them. */
    public static final Set<String> JDK_COMBINATORS = Set.of(
            "java/util/function/Function", "java/util/function/BiFunction", "java/util/function/UnaryOperator",
            "java/util/function/BinaryOperator", "java/util/function/Predicate", "java/util/function/BiPredicate",
            "java/util/function/IntPredicate", "java/util/function/LongPredicate",
            "java/util/function/DoublePredicate", "java/util/function/Consumer", "java/util/function/BiConsumer",
            "java/util/function/IntConsumer", "java/util/function/LongConsumer", "java/util/function/DoubleConsumer",
            "java/util/function/IntUnaryOperator", "java/util/function/LongUnaryOperator",
            "java/util/function/DoubleUnaryOperator");

    private static final List<String> NEVER = List.of("dev/ferry/agent/", "dev/ferry/boot/", "dev/ferry/api/", "dev/ferry/shaded/", "java/", "javax/",
            "jdk/", "sun/", "com/sun/");

    private final List<String> includes;
    private final List<String> excludes;

    /** @param includes internal-name prefixes to prepare (empty: all), @param excludes prefixes never to prepare */
    public ClassSelection(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    public boolean prepares(ClassLoader loader, String internalName) {
        if (JDK_COMBINATORS.contains(internalName)) {
            return loader == null;
        }
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || startsWithAny(internalName, NEVER)) {
            return false;
        }
        return (includes.isEmpty() || NamePrefixes.matchesAny(internalName, includes)) && !NamePrefixes.matchesAny(internalName, excludes);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
