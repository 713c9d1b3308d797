package dev.ferry.it.byvalue;

import java.util.Map;

/**
 * The generated classes the trust tests ship, tamper with and refuse. Each has a static initializer that prints
 * {@code CANARY-RAN <class>} ({@link Canary#LINE}): a refused class must never be initialized.
 */
final class TrustFixtures {

    static final String CANARY_RULE = CompiledRules.PACKAGE + ".CanaryRule";
    static final String EXEC_RULE = CompiledRules.PACKAGE + ".ExecRule";
    static final String EXIT_RULE = CompiledRules.PACKAGE + ".ExitRule";
    static final String STATIC_STATE_CARRIER = ByteBuddyGenerators.GENERATED_PACKAGE + ".StaticStateCarrier";
    /** A string constant in the canary rule's class file, where the tampering test flips a byte. */
    static final String CLASS_BYTES_MARKER = "CLASS-BYTES-MARKER-5678";
    static final int THRESHOLD = 5;

    private TrustFixtures() {
    }

    static Rule canaryRule() throws ReflectiveOperationException {
        return newRule(CANARY_RULE);
    }

    /** Refers to {@code Runtime.exec} in a method nothing calls. */
    static Rule execRule() throws ReflectiveOperationException {
        return newRule(EXEC_RULE);
    }

    /** Refers to {@code System.exit} in a method nothing calls. */
    static Rule exitRule() throws ReflectiveOperationException {
        return newRule(EXIT_RULE);
    }

    /** A Byte Buddy class whose {@code describe()} reaches a {@link LabelInterceptor} held in static state. */
    static Base staticStateCarrier() throws ReflectiveOperationException {
        LabelInterceptor interceptor = new LabelInterceptor("static state: ");
        Base carrier = ByteBuddyGenerators.staticStateCarrier(STATIC_STATE_CARRIER, interceptor, "carrier");
        interceptor.setMood("as-written");
        return carrier;
    }

    private static Rule newRule(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, Compiled.LOADER);
        return (Rule) type.getConstructor(int.class).newInstance(THRESHOLD);
    }

    static String source(String simpleName, String dangerousMethod) {
        return """
                package dev.ferry.it.byvalue.compiled;

                public class %1$s implements dev.ferry.it.byvalue.Rule {
                    private static final long serialVersionUID = 1L;

                    static {
                        System.out.println("CANARY-RAN %1$s");
                    }

                    private final int threshold;

                    public %1$s(int threshold) {
                        this.threshold = threshold;
                    }

                    @Override
                    public boolean test(int value) {
                        return value > threshold;
                    }

                    public String motto() {
                        return "%2$s";
                    }

                    %3$s
                }
                """.formatted(simpleName, CLASS_BYTES_MARKER, dangerousMethod);
    }

    /** Compiled once per JVM, when first used. */
    private static final class Compiled {

        static final ClassLoader LOADER = InMemoryCompiler.compile(Map.of(
                CANARY_RULE, source("CanaryRule", ""),
                EXEC_RULE, source("ExecRule", """
                        public void neverCalled() throws java.io.IOException {
                                Runtime.getRuntime().exec(new String[] {"true"});
                            }"""),
                EXIT_RULE, source("ExitRule", """
                        public void neverCalled() {
                                System.exit(3);
                            }""")));
    }
}
