package dev.ferry.it.byvalue;

import java.util.HashMap;
import java.util.List;
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

    /**
     * Classes each referring, in a method nothing calls, to one family of the default deny-list by a route a rule
     * naming only the obvious class would miss.
     *
     * @param simpleName the class's simple name in {@link CompiledRules#PACKAGE}
     * @param rule the default rule the refusal names
     * @param dangerousMethod the method's source
     */
    record Denied(String simpleName, String rule, String dangerousMethod) {

        String className() {
            return CompiledRules.PACKAGE + "." + simpleName;
        }

        String file() {
            return "denied-" + simpleName + ".ser";
        }

        @Override
        public String toString() {
            return simpleName + " (" + rule + ")";
        }
    }

    static final List<Denied> DENIED = List.of(
            new Denied("SetAccessibleThroughExecutable", "java.lang.reflect.*#setAccessible", """
                    public void neverCalled() throws Exception {
                            java.lang.reflect.Executable motto = getClass().getDeclaredMethod("motto");
                            motto.setAccessible(true);
                        }"""),
            new Denied("TrySetAccessible", "java.lang.reflect.*#trySetAccessible", """
                    public boolean neverCalled() throws Exception {
                            return getClass().getDeclaredField("threshold").trySetAccessible();
                        }"""),
            new Denied("InvokesByReflection", "java.lang.reflect.Method#invoke", """
                    public Object neverCalled() throws Exception {
                            return getClass().getMethod("motto").invoke(this);
                        }"""),
            // the class constant makes the writer load the nested loader, so that it travels with the rule
            new Denied("OwnClassLoader", "java.lang.ClassLoader+", """
                    private static final Class<?> DEFINER = Definer.class;

                        static final class Definer extends ClassLoader {
                            Class<?> define(byte[] bytes) {
                                return defineClass(null, bytes, 0, bytes.length);
                            }
                        }

                        public Class<?> neverCalled(byte[] bytes) {
                            return new Definer().define(bytes);
                        }"""),
            new Denied("UrlClassLoader", "java.lang.ClassLoader+ (java.net.URLClassLoader)", """
                    public ClassLoader neverCalled() {
                            return new java.net.URLClassLoader(new java.net.URL[0]);
                        }"""),
            new Denied("LoaderRepository", "javax.management.loading.*", """
                    public Class<?> neverCalled(javax.management.MBeanServer server) throws Exception {
                            return server.getClassLoaderRepository().loadClass("dev.example.Payload");
                        }"""),
            new Denied("OwnLookup", "java.lang.invoke.MethodHandles#lookup", """
                    public Object neverCalled() throws Exception {
                            return java.lang.invoke.MethodHandles.lookup().findVirtual(getClass(), "motto",
                                    java.lang.invoke.MethodType.methodType(String.class));
                        }"""),
            new Denied("BeansStatement", "java.beans.Statement", """
                    public void neverCalled() throws Exception {
                            new java.beans.Statement(this, "motto", new Object[0]).execute();
                        }"""),
            new Denied("ScriptEngine", "javax.script.*", """
                    public Object neverCalled() throws Exception {
                            return new javax.script.ScriptEngineManager().getEngineByName("js").eval("1");
                        }"""),
            new Denied("NamingLookup", "javax.naming.*", """
                    public Object neverCalled() throws Exception {
                            return new javax.naming.InitialContext().lookup("ldap://example.invalid/x");
                        }"""));

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

    /** For parameterized tests. */
    static List<Denied> deniedCases() {
        return DENIED;
    }

    static Rule denied(Denied denied) throws ReflectiveOperationException {
        return newRule(denied.className());
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

        static final ClassLoader LOADER = InMemoryCompiler.compile(sources());

        private static Map<String, String> sources() {
            Map<String, String> sources = new HashMap<>(Map.of(
                    CANARY_RULE, source("CanaryRule", ""),
                    EXEC_RULE, source("ExecRule", """
                            public void neverCalled() throws java.io.IOException {
                                    Runtime.getRuntime().exec(new String[] {"true"});
                                }"""),
                    EXIT_RULE, source("ExitRule", """
                            public void neverCalled() {
                                    System.exit(3);
                                }""")));
            for (Denied denied : DENIED) {
                sources.put(denied.className(), source(denied.simpleName(), denied.dangerousMethod()));
            }
            return sources;
        }
    }
}
