package dev.ferry.it.transform;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * Forked JVM: defines class files no class-file parser can handle, through a custom class loader, and prints what the
 * application sees ({@code case <name>: <exception>}), then, apart, how Ferry's {@code transform.failures} moved
 * ({@code counter <name>: ...}). Every class file names {@code java/lang/invoke/LambdaMetafactory} so that the agent
 * actually tries to parse it.
 */
public final class MalformedClassProgram {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int JAVA_17 = 61;

    private MalformedClassProgram() {
    }

    public static void main(String[] args) throws IOException {
        define("unknown-class-file-version", "dev.ferry.it.transform.FromTheFuture", classFile(0xffff, false));
        define("truncated-constant-pool", "dev.ferry.it.transform.Truncated", classFile(JAVA_17, false));
        define("unknown-constant-tag", "dev.ferry.it.transform.UnknownTag", classFile(JAVA_17, true));
        IntSupplier stillWorks = () -> 6 * 7;
        System.out.println("after: a lambda still works: " + stillWorks.getAsInt());
    }

    private static void define(String name, String className, byte[] bytes) {
        long before = FerryCounters.get(FerryCounters.TRANSFORM_FAILURES);
        String outcome;
        try {
            Class<?> defined = new BytesLoader().define(className, bytes);
            outcome = "defined " + defined.getName();
        } catch (Throwable failure) {
            outcome = Failures.describeChain(failure) + " suppressed=" + failure.getSuppressed().length;
        }
        long after = FerryCounters.get(FerryCounters.TRANSFORM_FAILURES);
        System.out.println("case " + name + ": " + outcome);
        System.out.println("counter " + name + ": "
                + (before < 0 ? "no agent" : FerryCounters.TRANSFORM_FAILURES + " +" + (after - before)));
    }

    /**
     * A class-file header and a constant pool that announces more entries than it has; {@code badTag} adds an entry
     * with a tag no JDK defines.
     */
    private static byte[] classFile(int majorVersion, boolean badTag) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xcafebabe);
        out.writeShort(0);
        out.writeShort(majorVersion);
        out.writeShort(10);
        out.writeByte(1);
        out.writeUTF(LAMBDA_METAFACTORY);
        if (badTag) {
            out.writeByte(99);
            out.writeShort(0);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Defines classes from bytes, as frameworks that generate code do. */
    private static final class BytesLoader extends ClassLoader {
        BytesLoader() {
            super(MalformedClassProgram.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
