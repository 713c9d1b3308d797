package dev.ferry.it.jfr;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.ferry.it.support.StreamSurgery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.function.IntSupplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;

/**
 * Forked JVM with Ferry and a key: starts a JFR recording with the JDK's {@code default} settings, makes Ferry report
 * each of its events once, and dumps the recording to {@code args[0]}. Before the recording starts it already makes
 * Ferry report one event ({@link #BEFORE_RECORDING}), so the event classes are loaded while nobody records, as in an
 * application that starts a recording later. Prints one {@code <case>: <outcome>} line per case.
 */
public final class JfrEventsProgram {

    static final String BEFORE_RECORDING = "dev.ferry.it.jfr.BeforeRecording";
    static final String MALFORMED = "dev.ferry.it.jfr.Malformed";
    static final String SHIPPED = "dev.ferry.it.jfr.generated.Shipped";
    static final String TAMPERED = "dev.ferry.it.jfr.generated.Tampered";
    /** A constant of {@link #TAMPERED}'s class file; its last digit is flipped in the stream. */
    static final String TAMPERED_MARKER = "tampered-marker-7";

    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy(ClassFileVersion.JAVA_V17);

    private JfrEventsProgram() {
    }

    public static void main(String[] args) throws IOException, ParseException, ReflectiveOperationException {
        System.out.println("before-recording: " + defineMalformed(BEFORE_RECORDING));
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            IntSupplier answer = () -> 42;
            System.out.println("lambda: " + ((IntSupplier) read(write(answer))).getAsInt());
            Payload shipped = generated(SHIPPED, "shipped");
            Object copy = read(write(shipped));
            System.out.println("class: " + ((Payload) copy).describe() + " materialized="
                    + (copy.getClass() != shipped.getClass()));
            System.out.println("refusal: " + readTampered());
            System.out.println("transform-failure: " + writeLambdaOfAClassWithAMalformedClassFile());
            recording.stop();
            recording.dump(Path.of(args[0]));
        }
    }

    private static String readTampered() throws IOException, ReflectiveOperationException {
        byte[] stream = write(generated(TAMPERED, TAMPERED_MARKER));
        try {
            return "read " + read(flipLastCharacterInClassFile(stream, TAMPERED_MARKER));
        } catch (IOException | ClassNotFoundException refused) {
            return refused.getClass().getName();
        }
    }

    private static Payload generated(String name, String description) throws ReflectiveOperationException {
        return BYTE_BUDDY.subclass(Payload.class).name(name)
                .method(named("describe")).intercept(FixedValue.value(description)).make()
                .load(Payload.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded()
                .getConstructor().newInstance();
    }

    private static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return in.readObject();
        }
    }

    /** Keeps the class file well-formed (one digit becomes another): only the integrity check can notice. */
    private static byte[] flipLastCharacterInClassFile(byte[] stream, String constant) {
        byte[] magic = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
        int at = StreamSurgery.indexOf(stream, constant.getBytes(StandardCharsets.US_ASCII), StreamSurgery.indexOf(stream, magic, 0));
        if (at < 0) {
            throw new IllegalStateException("the stream carries no class file containing " + constant);
        }
        byte[] patched = stream.clone();
        patched[at + constant.length() - 1] ^= 1;
        return patched;
    }

    /**
     * Defines a class file whose constant pool announces more entries than it has: the JVM refuses it as it would
     * without Ferry, which reads no class file as it loads.
     */
    private static String defineMalformed(String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xcafebabe);
        out.writeShort(0);
        out.writeShort(61);
        out.writeShort(10);
        out.writeByte(1);
        out.writeUTF("java/lang/invoke/LambdaMetafactory");
        out.flush();
        try {
            return "defined " + new BytesLoader().define(name, bytes.toByteArray());
        } catch (ClassFormatError expected) {
            return expected.getClass().getName();
        }
    }

    /**
     * Writes a lambda of {@link Malformed}, defined by a loader whose class file for it is malformed: Ferry cannot read
     * the class's call sites, records a transform failure and refuses to write the lambda.
     */
    private static String writeLambdaOfAClassWithAMalformedClassFile() throws IOException,
            ReflectiveOperationException {
        String resource = MALFORMED.replace('.', '/') + ".class";
        byte[] real;
        try (InputStream in = JfrEventsProgram.class.getClassLoader().getResourceAsStream(resource)) {
            real = in.readAllBytes();
        }
        ClassLoader misreporting = new ClassLoader(JfrEventsProgram.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(MALFORMED)) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, real, 0, real.length);
                }
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals(resource) ? new ByteArrayInputStream(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1})
                        : super.getResourceAsStream(name);
            }
        };
        Object lambda = misreporting.loadClass(MALFORMED).getMethod("answer").invoke(null);
        try {
            write(lambda);
            return "written";
        } catch (NotSerializableException expected) {
            return expected.getClass().getName();
        }
    }

    /** Defines classes from bytes, as frameworks that generate code do. */
    private static final class BytesLoader extends ClassLoader {
        BytesLoader() {
            super(JfrEventsProgram.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
