package dev.ferry.it.byvalue;

import java.util.Map;

/**
 * The rules the scenarios compile in memory ({@link InMemoryCompiler}), as source strings, and the way to make one.
 * Their package, {@value #PACKAGE}, exists only in memory.
 */
final class CompiledRules {

    static final String PACKAGE = "dev.ferry.it.byvalue.compiled";
    static final String THRESHOLD_RULE = PACKAGE + ".ThresholdRule";
    static final String LAMBDA_RULE = PACKAGE + ".LambdaRule";
    static final String LAMBDA_FIELD_RULE = PACKAGE + ".LambdaFieldRule";

    private static final String THRESHOLD_RULE_SOURCE = """
            package dev.ferry.it.byvalue.compiled;

            public class ThresholdRule implements dev.ferry.it.byvalue.Rule {
                private static final long serialVersionUID = 1L;
                private final int threshold;

                public ThresholdRule(int threshold) {
                    this.threshold = threshold;
                }

                @Override
                public boolean test(int value) {
                    return value > threshold;
                }

                @Override
                public String toString() {
                    return "ThresholdRule(" + threshold + ")";
                }
            }
            """;

    /** Uses lambdas in its code (not in its state): the class Ferry rewrites on the reader must still run them. */
    private static final String LAMBDA_RULE_SOURCE = """
            package dev.ferry.it.byvalue.compiled;

            import java.util.function.IntPredicate;
            import java.util.stream.IntStream;

            public class LambdaRule implements dev.ferry.it.byvalue.Rule {
                private final int threshold;

                public LambdaRule(int threshold) {
                    this.threshold = threshold;
                }

                @Override
                public boolean test(int value) {
                    IntPredicate above = x -> x > threshold;
                    return above.test(value);
                }

                public long countAbove(int limit) {
                    return IntStream.range(0, limit).filter(x -> x > threshold).count();
                }

                @Override
                public String toString() {
                    return "LambdaRule(" + threshold + ")";
                }
            }
            """;

    /**
     * Holds a plain (not serializable) lambda in a field: the lambda travels as Ferry's lambda recipe, which names its
     * capturing class, a class that exists only in memory, so the recipe carries that class by value too.
     */
    private static final String LAMBDA_FIELD_RULE_SOURCE = """
            package dev.ferry.it.byvalue.compiled;

            import java.util.function.IntPredicate;

            public class LambdaFieldRule implements dev.ferry.it.byvalue.Rule {
                private final int threshold;
                private final IntPredicate above;

                public LambdaFieldRule(int threshold) {
                    this.threshold = threshold;
                    this.above = x -> x > this.threshold;
                }

                @Override
                public boolean test(int value) {
                    return above.test(value);
                }

                @Override
                public String toString() {
                    return "LambdaFieldRule(" + threshold + ")";
                }
            }
            """;

    private static ClassLoader loader;

    private CompiledRules() {
    }

    /** A new instance of a compiled rule; the sources are compiled once per JVM, into one loader. */
    static Rule newRule(String className, int threshold) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, loader());
        return (Rule) type.getConstructor(int.class).newInstance(threshold);
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            loader = InMemoryCompiler.compile(Map.of(THRESHOLD_RULE, THRESHOLD_RULE_SOURCE,
                    LAMBDA_RULE, LAMBDA_RULE_SOURCE, LAMBDA_FIELD_RULE, LAMBDA_FIELD_RULE_SOURCE));
        }
        return loader;
    }
}
