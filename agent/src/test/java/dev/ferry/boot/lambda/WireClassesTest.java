package dev.ferry.boot.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.classfile.WireClassSpinner;
import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.classfile.ClassFile;
import dev.ferry.agent.classfile.ClassFilePatch;
import dev.ferry.agent.instrument.PreparedClasses;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.boot.wire.HookedStreams;
import dev.ferry.boot.wire.StreamHooks;
import example.fixtures.PlainLambdas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writer and reader halves of a Ferry lambda in one JVM, with a fixture defined by a loader of its own whose plain
 * call sites link serializable as with the agent (here by linking through {@link SerializableLinks}): the lambda is the JDK's, its wire object is an instance of a real per-call-site class, and that
 * class reads back from a stream. The cross-JVM behaviour is specified by the integration tests in agent-test.
 */
class WireClassesTest {

    private static PreparingLoader loader;

    @BeforeAll
    static void install() {
        WireClasses.install(new WireClassSpinner());
        CallSiteTables.install(new PreparedClasses(new ClassSelection(List.of(), List.of()),
                new ModuleAccess(null, null), null));
        loader = new PreparingLoader();
    }

    private static Object fixture(String method, Class<?>[] types, Object... args) throws Exception {
        return loader.loadClass(PlainLambdas.class.getName()).getMethod(method, types).invoke(null, args);
    }

    /** What Ferry's hook in {@code ObjectOutputStream.writeObject0} gives for the lambda. */
    private static Object wireObject(Object lambda) throws IOException {
        return StreamHooks.writeReplace(ObjectStreamClass.lookup(lambda.getClass()), lambda);
    }

    private static byte[] write(Object... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new HookedStreams.Output(bytes)) {
            for (Object value : values) {
                out.writeObject(value);
            }
        }
        return bytes.toByteArray();
    }

    private static Object[] read(byte[] stream, int count) throws Exception {
        try (ObjectInputStream in = new HookedStreams.Input(new ByteArrayInputStream(stream), loader)) {
            Object[] read = new Object[count];
            for (int i = 0; i < count; i++) {
                read[i] = in.readObject();
            }
            return read;
        }
    }

    @Test
    void prepared_lambda_should_be_the_jdks_own_lambda_made_serializable() throws Exception {
        IntUnaryOperator adder = (IntUnaryOperator) fixture("adder", new Class<?>[] {int.class}, 5);

        assertTrue(adder.getClass().isHidden(), "the JDK's LambdaMetafactory made it");
        assertTrue(adder instanceof Serializable);
        assertEquals(47, adder.applyAsInt(42));
    }

    @Test
    void wire_object_should_be_an_instance_of_a_real_class_per_call_site_computing_the_same() throws Exception {
        IntUnaryOperator adder = (IntUnaryOperator) fixture("adder", new Class<?>[] {int.class}, 5);

        IntUnaryOperator wire = (IntUnaryOperator) wireObject(adder);

        assertEquals(PlainLambdas.class.getName() + "$$FerryLambda$0", wire.getClass().getName());
        assertFalse(wire.getClass().isHidden());
        assertFalse(Proxy.isProxyClass(wire.getClass()));
        assertSame(loader, wire.getClass().getClassLoader());
        assertEquals(47, wire.applyAsInt(42));
        assertSame(wire.getClass(), wireObject(fixture("adder", new Class<?>[] {int.class}, 7)).getClass());
    }

    @Test
    void wire_objects_should_read_back_as_the_same_class_with_identity_kept() throws Exception {
        Object greeting = wireObject(fixture("greeting", new Class<?>[] {String.class}, "Ferry"));
        Object length = wireObject(fixture("length", new Class<?>[0]));

        Object[] read = read(write(greeting, length, greeting), 3);

        assertSame(greeting.getClass(), read[0].getClass());
        assertEquals("hello Ferry", ((Supplier<?>) read[0]).get());
        @SuppressWarnings("unchecked")
        Function<String, Integer> readLength = (Function<String, Integer>) read[1];
        assertEquals(5, readLength.apply("ferry"));
        assertSame(read[0], read[2]);
        assertNotSame(greeting, read[0]);
    }

    @Test
    void call_site_the_class_does_not_have_should_be_refused_naming_it() throws Exception {
        byte[] stream = write(wireObject(fixture("adder", new Class<?>[] {int.class}, 5)));
        int head = indexOf(stream, new byte[] {(byte) 0xF5, 'F', 'R', 'Y', 3});
        stream[head + 8] ^= 0x55; // a byte of the call site's signature hash (after marker, format, kind, dimensions)

        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> read(stream, 1));

        assertTrue(refused.getMessage().contains(PlainLambdas.class.getName() + " has no lambda call site #0"),
                refused.getMessage());
    }

    @Test
    void only_the_wire_class_itself_should_get_its_implementation_handle() throws Exception {
        Class<?> plain = loader.loadClass(PlainLambdas.class.getName());
        wireObject(fixture("adder", new Class<?>[] {int.class}, 5));

        assertThrows(IllegalAccessException.class, () -> LambdaWires.invoker(MethodHandles.lookup(), "call",
                MethodType.methodType(int.class, int.class, int.class), plain, 0));
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    /**
     * Defines the fixtures itself, their plain lambda call sites linked serializable as {@code LambdaMetafactory} with
     * the agent links them: each {@code metafactory} bootstrap constant points at {@link SerializableLinks}.
     */
    static final class PreparingLoader extends ClassLoader {

        PreparingLoader() {
            super(WireClassesTest.class.getClassLoader());
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
                    byte[] bytes = linkedSerializable(in.readAllBytes());
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }

        private static byte[] linkedSerializable(byte[] original) {
            ClassFile classFile = ClassFile.read(original);
            ClassFilePatch patch = new ClassFilePatch(classFile);
            for (ClassFile.BootstrapMethod entry : classFile.bootstrapMethods()) {
                int method = classFile.pool().handleReference(entry.handle());
                if ("java/lang/invoke/LambdaMetafactory".equals(classFile.pool().memberOwner(method))
                        && "metafactory".equals(classFile.pool().memberName(method))) {
                    int links = patch.methodReference(patch.classConstant(SerializableLinks.class.getName()
                            .replace('.', '/')), patch.nameAndType("metafactory",
                            classFile.pool().memberDescriptor(method)), false);
                    patch.overwriteU2(entry.offset(), patch.methodHandle(6, links)); // REF_invokeStatic
                }
            }
            return patch.toBytes();
        }
    }

    /** What {@code LambdaMetafactory.metafactory} does for a prepared class with the agent. */
    public static final class SerializableLinks {

        private SerializableLinks() {
        }

        public static java.lang.invoke.CallSite metafactory(MethodHandles.Lookup caller, String name,
                MethodType factoryType, MethodType samType, java.lang.invoke.MethodHandle implementation,
                MethodType instantiatedType) throws java.lang.invoke.LambdaConversionException {
            return java.lang.invoke.LambdaMetafactory.altMetafactory(caller, name, factoryType, samType,
                    implementation, instantiatedType, java.lang.invoke.LambdaMetafactory.FLAG_SERIALIZABLE);
        }
    }
}
