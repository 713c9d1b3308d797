package dev.ferry.boot.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.fixtures.PlainLambdas;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.HiddenLambdaClassWriter;
import dev.ferry.agent.instrument.LambdaTransformer;
import dev.ferry.agent.instrument.ModuleAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writer and reader in one JVM, with the fixture prepared by the transformer and defined by its own loader: a fast
 * check of the whole pipeline. The cross-JVM behaviour is specified by the integration tests in agent-test.
 */
class RoundTripInOneJvmTest {

    private static PreparingLoader loader;

    @BeforeAll
    static void install() {
        LambdaBootstrap.install(new HiddenLambdaClassWriter());
        loader = new PreparingLoader();
    }

    private static Object fixture(String method, Class<?>[] types, Object... args) throws Exception {
        return loader.loadClass(PlainLambdas.class.getName()).getMethod(method, types).invoke(null, args);
    }

    private static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] stream) throws Exception {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(stream), loader)) {
            return in.readObject();
        }
    }

    @Test
    void capturing_lambda_should_read_back_as_a_working_proxy() throws Exception {
        IntUnaryOperator adder = (IntUnaryOperator) fixture("adder", new Class<?>[] {int.class}, 5);

        IntUnaryOperator copy = (IntUnaryOperator) read(write(adder));

        assertTrue(Proxy.isProxyClass(copy.getClass()));
        assertEquals(47, copy.applyAsInt(42));
    }

    @Test
    void method_reference_and_string_capture_should_round_trip() throws Exception {
        @SuppressWarnings("unchecked")
        Function<String, Integer> length = (Function<String, Integer>) fixture("length", new Class<?>[0]);
        @SuppressWarnings("unchecked")
        Supplier<String> greeting = (Supplier<String>) fixture("greeting", new Class<?>[] {String.class}, "Ferry");

        @SuppressWarnings("unchecked")
        List<Object> copies = (List<Object>) read(write(List.of(length, greeting)));

        assertEquals(3, ((Function<String, Integer>) copies.get(0)).apply("abc"));
        assertEquals("hello Ferry", ((Supplier<?>) copies.get(1)).get());
    }

    @Test
    void read_proxy_should_serialize_again_to_the_same_recipe() throws Exception {
        IntUnaryOperator adder = (IntUnaryOperator) fixture("adder", new Class<?>[] {int.class}, 7);
        byte[] first = write(adder);

        IntUnaryOperator twice = (IntUnaryOperator) read(write(read(first)));

        assertEquals(8, twice.applyAsInt(1));
    }

    @Test
    void recipe_with_a_hash_no_call_site_has_should_be_refused() throws Exception {
        byte[] stream = write(fixture("adder", new Class<?>[] {int.class}, 5));
        byte[] name = PlainLambdas.class.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(stream, name) + name.length + 2; // after the class name and the call-site index
        stream[at] ^= 0x55;

        long before = AgentCounters.snapshot().get("refusals");

        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("has no lambda call site #0"), refused.getMessage());
        assertEquals(before + 1, AgentCounters.snapshot().get("refusals"));
    }

    @Test
    void refusal_inside_a_captured_lambda_should_be_counted_once() throws Exception {
        Object outer = loader.loadClass("example.fixtures.NestedLambdas").getMethod("wrapping", int.class)
                .invoke(null, 5);
        byte[] stream = write(outer);
        byte[] name = "example.fixtures.NestedLambdas".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int inner = indexOf(stream, name, indexOf(stream, name, 0) + 1); // the captured lambda's recipe
        stream[inner + name.length + 2] ^= 0x55;
        long before = AgentCounters.snapshot().get("refusals");

        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> read(stream));

        assertTrue(refused.getMessage().contains("NestedLambdas has no lambda call site"), refused.getMessage());
        assertEquals(before + 1, AgentCounters.snapshot().get("refusals"),
                "the outer recipe sees the inner refusal pass through; it must not count it again");
    }

    @Test
    void javac_serializable_lambda_should_keep_the_jdk_form_through_the_chained_deserializer() throws Exception {
        Runnable serializable = (Runnable) fixture("serializable", new Class<?>[0]);

        Object copy = read(write(serializable));

        assertTrue(copy instanceof Runnable && !Proxy.isProxyClass(copy.getClass()));
        ((Runnable) copy).run();
    }

    @Test
    void forged_serialized_lambda_should_be_refused_naming_the_method_it_names() throws Exception {
        Class<?> capturing = loader.loadClass(PlainLambdas.class.getName());
        SerializedLambda forged = new SerializedLambda(capturing, "java/lang/Runnable", "run", "()V",
                MethodHandleInfo.REF_invokeStatic, "example/fixtures/NoLambdas", "answer", "()I", "()V",
                new Object[0]);

        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> read(write(forged)));

        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof InvalidObjectException && cause != refused)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("refused SerializedLambda: example.fixtures.NoLambdas.answer()I"),
                cause.getMessage());
        assertTrue(cause.getCause() instanceof IllegalArgumentException, "javac's own refusal is kept as the cause");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Defines the fixtures itself, prepared by the transformer; everything else comes from the test class path. */
    static final class PreparingLoader extends ClassLoader {
        private final LambdaTransformer transformer = new LambdaTransformer(new ClassSelection(List.of(), List.of()),
                new ModuleAccess(null, null));

        PreparingLoader() {
            super(RoundTripInOneJvmTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("example.fixtures.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                String path = name.replace('.', '/') + ".class";
                try (InputStream in = getParent().getResourceAsStream(path)) {
                    byte[] original = in.readAllBytes();
                    byte[] prepared = transformer.transform(this, name.replace('.', '/'), null, null, original);
                    byte[] bytes = prepared == null ? original : prepared;
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    /** Resolves classes and proxy interfaces in one loader, as application servers' streams do. */
    static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
            return Class.forName(desc.getName(), false, loader);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected Class<?> resolveProxyClass(String[] interfaces) throws ClassNotFoundException {
            Class<?>[] types = new Class<?>[interfaces.length];
            for (int i = 0; i < interfaces.length; i++) {
                types[i] = Class.forName(interfaces[i], false, loader);
            }
            return Proxy.getProxyClass(loader, types);
        }
    }
}
