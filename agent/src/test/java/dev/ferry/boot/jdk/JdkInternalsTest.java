package dev.ferry.boot.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per JDK internal Ferry relies on ({@link JdkInternals}), each using the seam the way Ferry does. Surefire
 * runs them on the JDK of the build; CI builds on JDK 17 and on JDK 25, so the next JDK that moves a seam fails one
 * test with the seam's name.
 */
class JdkInternalsTest {

    private static final byte[] MARKER = {(byte) 0xF5, 'T', 'S', 'T'};

    /** Carried in streams by the tests; its descriptor gets the marker as its annotation. */
    static final class Cargo implements Serializable {
        private static final long serialVersionUID = 1L;
        final int value;

        Cargo(int value) {
            this.value = value;
        }
    }

    /** Replaced when written. */
    static final class Replaced implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object writeReplace() {
            return "replacement";
        }
    }

    /** Never initialized before its test: its static field is set without running this initializer. */
    static final class Uninitialized {
        static String value;
        static final String INITIALIZED;

        static {
            INITIALIZED = "yes";
        }
    }

    @Test
    void every_seam_should_be_there() {
        JdkInternals.check();
    }

    @Test
    void vm_runtime_arguments_should_hold_the_jvms_own_options() {
        // the build starts this JVM with --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
        assertTrue(JdkInternals.runtimeArguments().contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"),
                () -> String.valueOf(JdkInternals.runtimeArguments()));
    }

    @Test
    void class_redefinition_count_should_start_at_zero_and_serialized_lambda_should_give_its_capturing_class() {
        assertEquals(0, JdkInternals.redefinitionCount(JdkInternalsTest.class));
        java.lang.invoke.SerializedLambda serialized = new java.lang.invoke.SerializedLambda(JdkInternalsTest.class,
                "java/lang/Runnable", "run", "()V", 6, "dev/ferry/boot/jdk/JdkInternalsTest", "lambda$0", "()V",
                "()V", new Object[0]);

        assertSame(JdkInternalsTest.class, JdkInternals.capturingClass(serialized));
    }

    @Test
    void object_stream_class_read_resolve_should_be_the_objects_own() throws Exception {
        ObjectStreamClass descriptor = ObjectStreamClass.lookup(Resolving.class);

        assertEquals("resolved", JdkInternals.invokeReadResolve(descriptor, new Resolving()));
    }

    /** Resolves to a string. */
    static final class Resolving implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return "resolved";
        }
    }

    @Test
    void vm_latest_user_defined_loader_should_be_the_loader_of_the_calling_application_code() {
        assertSame(JdkInternalsTest.class.getClassLoader(), JdkInternals.latestUserDefinedLoader());
    }

    @Test
    void unsafe_should_set_a_static_field_without_initializing_its_class() throws Exception {
        assertTrue(JdkInternals.isUninitialized(Uninitialized.class));

        JdkInternals.putStatic(Uninitialized.class.getDeclaredField("value"), "set");

        assertTrue(JdkInternals.isUninitialized(Uninitialized.class), "setting a field must not initialize the class");
        assertEquals("set", Uninitialized.value);
        assertEquals("yes", Uninitialized.INITIALIZED);
        assertFalse(JdkInternals.isUninitialized(Uninitialized.class));
    }

    @Test
    void object_input_stream_block_data_should_show_the_annotation_unread_and_let_it_be_discarded() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        byte[] stream = write(new Cargo(7), true);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
                seen.add(JdkInternals.annotationStartsWith(this, MARKER));
                seen.add(JdkInternals.annotationStartsWith(this, new byte[] {(byte) 0xF5, 'N', 'O', 'T'}));
                JdkInternals.discardBlockData(this);
                return super.resolveClass(descriptor);
            }
        }) {
            assertEquals(7, ((Cargo) in.readObject()).value);
        }
        assertEquals(List.of(true, false), seen);
    }

    @Test
    void object_input_stream_resolve_class_should_be_the_streams_own_override() throws Exception {
        List<String> asked = new ArrayList<>();
        byte[] stream = write(new Cargo(1), false);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
                asked.add(descriptor.getName());
                return super.resolveClass(descriptor);
            }
        }) {
            ObjectStreamClass descriptor = ObjectStreamClass.lookup(Cargo.class);
            assertSame(Cargo.class, JdkInternals.resolveClass(in, descriptor));
        }
        assertEquals(List.of(Cargo.class.getName()), asked);
    }

    @Test
    void object_input_stream_resolve_by_name_should_ask_the_stream_with_a_blank_descriptor_then_its_filter()
            throws Exception {
        List<String> asked = new ArrayList<>();
        byte[] stream = write(new Cargo(1), false);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
                asked.add(descriptor.getName() + " " + descriptor.getSerialVersionUID() + " "
                        + descriptor.getFields().length);
                return super.resolveClass(descriptor);
            }
        }) {
            assertSame(Cargo.class, JdkInternals.resolveByName(in, Cargo.class.getName()));
            in.setObjectInputFilter(info -> info.serialClass() == Cargo.class ? ObjectInputFilter.Status.REJECTED
                    : ObjectInputFilter.Status.UNDECIDED);
            InvalidClassException rejected = assertThrows(InvalidClassException.class,
                    () -> JdkInternals.resolveByName(in, Cargo.class.getName()));
            assertTrue(rejected.getMessage().contains("REJECTED"), rejected.getMessage());
        }
        assertEquals(Cargo.class.getName() + " 0 0", asked.get(0));
    }

    @Test
    void object_input_stream_resolve_proxy_class_should_be_the_streams_own() throws Exception {
        byte[] stream = write(new Cargo(1), false);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            Class<?> proxy = JdkInternals.resolveProxyClass(in, new String[] {Runnable.class.getName()});
            assertTrue(Proxy.isProxyClass(proxy) && Runnable.class.isAssignableFrom(proxy));
        }
    }

    @Test
    void object_output_stream_annotate_class_should_be_the_streams_own_override() throws Exception {
        List<String> annotated = new ArrayList<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            @Override
            protected void annotateClass(Class<?> type) {
                annotated.add("class " + type.getSimpleName());
            }

            @Override
            protected void annotateProxyClass(Class<?> type) {
                annotated.add("proxy");
            }
        }) {
            JdkInternals.annotateClass(out, Cargo.class);
            Object proxy = Proxy.newProxyInstance(Runnable.class.getClassLoader(), new Class<?>[] {Runnable.class},
                    (self, method, arguments) -> null);
            JdkInternals.annotateProxyClass(out, proxy.getClass());
        }
        assertEquals(List.of("class Cargo", "proxy"), annotated);
    }

    @Test
    void object_stream_class_invoke_write_replace_should_call_the_objects_own() throws Exception {
        assertEquals("replacement", JdkInternals.invokeWriteReplace(ObjectStreamClass.lookup(Replaced.class),
                new Replaced()));
    }

    @Test
    void object_stream_class_name_and_suid_should_be_renamable_on_a_descriptor_read_from_a_stream() throws Exception {
        List<String> renamed = new ArrayList<>();
        byte[] stream = write(new Cargo(3), false);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream)) {
            @Override
            protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
                ObjectStreamClass descriptor = super.readClassDescriptor();
                JdkInternals.renameDescriptor(descriptor, descriptor.getName(), 1L);
                renamed.add(descriptor.getName() + " " + descriptor.getSerialVersionUID());
                return descriptor;
            }
        }) {
            assertEquals(3, ((Cargo) in.readObject()).value);
        }
        assertEquals(List.of(Cargo.class.getName() + " 1"), renamed);
    }

    @Test
    void management_factory_platform_mbean_server_field_should_be_readable() {
        boolean before = JdkInternals.platformMBeanServerExists(ManagementFactory.class);
        ManagementFactory.getPlatformMBeanServer();
        assertTrue(JdkInternals.platformMBeanServerExists(ManagementFactory.class),
                "the server exists once asked for (it " + (before ? "existed" : "did not exist") + " before)");
    }

    /** One object in a stream; with {@code annotate}, every class descriptor carries {@link #MARKER} as block data. */
    private static byte[] write(Object object, boolean annotate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            @Override
            protected void annotateClass(Class<?> type) throws IOException {
                if (annotate) {
                    write(MARKER);
                    writeInt(42);
                }
            }
        }) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
