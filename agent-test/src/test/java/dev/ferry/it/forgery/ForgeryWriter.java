package dev.ferry.it.forgery;

import dev.ferry.it.support.StreamSurgery;
import dev.ferry.it.support.Streams;
import java.io.IOException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forked writer JVM (with Ferry): {@code ForgeryWriter <directory>} writes the legitimate recipes the IT patches into
 * forgeries, and forged {@link SerializedLambda}s that name {@code Canary.boom()}, which is no lambda call site.
 */
public final class ForgeryWriter {

    public static final String PREFIXER = "legit-prefixer.ser";
    public static final String REPEATER = "legit-repeater.ser";
    public static final String ORDINARY = "ordinary-dressed-as-a-lambda.ser";
    public static final String PREFIX = "pre-";

    private ForgeryWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        byte[] prefixer = Streams.write(Victim.prefixer(PREFIX));
        Files.write(directory.resolve(PREFIXER), prefixer);
        Files.write(directory.resolve(ORDINARY), dressedUp(prefixer));
        Files.write(directory.resolve(REPEATER), Streams.write(Victim.repeater(3)));
        for (Class<?> capturingClass : new Class<?>[] {Victim.class, ChainedVictim.class, canaryClass()}) {
            Files.write(directory.resolve(serializedLambdaFile(capturingClass)),
                    Streams.write(boomThrough(capturingClass)));
        }
        System.out.println("WROTE");
    }

    /** An {@link Ordinary} whose descriptor carries the annotation of the prefixer's call site. */
    private static byte[] dressedUp(byte[] legitimate) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (AnnotationForger out = new AnnotationForger(bytes, Ordinary.class,
                StreamSurgery.lambdaCallSite(legitimate))) {
            out.writeObject(new Ordinary("not a lambda"));
        }
        return bytes.toByteArray();
    }

    public static String serializedLambdaFile(Class<?> capturingClass) {
        return "serialized-lambda-via-" + capturingClass.getSimpleName() + ".ser";
    }

    /** What javac would write for {@code Runnable r = Canary::boom} in {@code capturingClass}, which has no such site. */
    private static SerializedLambda boomThrough(Class<?> capturingClass) {
        return new SerializedLambda(capturingClass, "java/lang/Runnable", "run", "()V",
                MethodHandleInfo.REF_invokeStatic, "dev/ferry/it/forgery/Canary", "boom", "()V", "()V",
                new Object[0]);
    }

    /** Loaded, not initialized: the writer must not leave a marker either. */
    private static Class<?> canaryClass() throws IOException {
        try {
            return Class.forName("dev.ferry.it.forgery.Canary", false, ForgeryWriter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
