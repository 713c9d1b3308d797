package dev.ferry.it.byvalue;

import dev.ferry.it.support.Verdicts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edges of the stream hooks, in one JVM with Ferry and a key (reading materializes Ferry's own copy of a generated
 * class): object streams that annotate descriptors themselves or resolve outside block-data mode read as without
 * Ferry; a filter sees a shipped class before any of its code runs and applies to its static state, on every read;
 * static state that refers to its own class fails the write with a clear message.
 *
 * <p>Each check uses its own compiled class ({@code Guarded1}, ...), whose static initializer prints its loader.
 */
public final class StreamEdgesProgram {

    static final String OWN_ANNOTATIONS = "stream_that_annotates_descriptors_itself_reads_as_without_ferry";
    static final String OUTSIDE_BLOCK_DATA = "stream_resolving_classes_from_readClassDescriptor_reads_as_without_ferry";
    static final String FILTER_FIRST = "filter_rejecting_a_shipped_class_runs_none_of_its_code";
    static final String FILTERED_STATE = "stream_filter_applies_to_static_state_on_every_read";
    static final String SELF_REFERENCE = "static_state_referring_to_its_own_class_fails_the_write_clearly";
    static final List<String> CHECKS = List.of(OWN_ANNOTATIONS, OUTSIDE_BLOCK_DATA, FILTER_FIRST, FILTERED_STATE,
            SELF_REFERENCE);
    static final String INITIALIZED = "GUARDED-INITIALIZED";

    private static final int GUARDED = 5;
    private static ClassLoader compiled;

    private StreamEdgesProgram() {
    }

    public static void main(String[] args) throws Exception {
        compiled = InMemoryCompiler.compile(sources());
        Verdicts verdicts = new Verdicts();
        verdicts.check(OWN_ANNOTATIONS, StreamEdgesProgram::ownAnnotations);
        verdicts.check(OUTSIDE_BLOCK_DATA, StreamEdgesProgram::outsideBlockData);
        verdicts.check(FILTER_FIRST, StreamEdgesProgram::filterFirst);
        verdicts.check(FILTERED_STATE, StreamEdgesProgram::filteredState);
        verdicts.check(SELF_REFERENCE, StreamEdgesProgram::selfReference);
        System.exit(verdicts.exitCode());
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 1; i <= GUARDED; i++) {
            String name = "Guarded" + i;
            sources.put(CompiledRules.PACKAGE + "." + name, "package " + CompiledRules.PACKAGE + ";\n"
                    + "public class " + name + " implements java.io.Serializable {\n"
                    + "    public static Object target;\n"
                    + "    static { System.out.println(\"" + INITIALIZED + " " + name + " in \" + " + name
                    + ".class.getClassLoader()); }\n"
                    + "    public String call() { return \"target=\" + target; }\n"
                    + "}\n");
        }
        return sources;
    }

    /** A new instance of {@code Guarded<n>} whose generator-set static state is {@code target}. */
    private static Object guarded(int n, Object target) throws ReflectiveOperationException {
        Class<?> type = Class.forName(CompiledRules.PACKAGE + ".Guarded" + n, true, compiled);
        type.getField("target").set(null, target == SELF ? type.getConstructor().newInstance() : target);
        return type.getConstructor().newInstance();
    }

    private static final Object SELF = new Object();

    /** Writes and reads with streams that put a codebase string after each class annotation, as RMI's do. */
    private static String ownAnnotations() throws Exception {
        List<Object> values = new ArrayList<>(List.of("x", new Date(0), new int[] {1}, guarded(1, "state")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new AnnotatingOutput(bytes)) {
            out.writeObject(values);
        }
        try (ObjectInputStream in = new AnnotationReadingInput(new ByteArrayInputStream(bytes.toByteArray()))) {
            List<?> read = (List<?>) in.readObject();
            String call = (String) read.get(3).getClass().getMethod("call").invoke(read.get(3));
            return read.get(1).equals(new Date(0)) && call.equals("target=state") ? null : "read back " + read;
        }
    }

    private static String outsideBlockData() throws Exception {
        byte[] stream = write(new ArrayList<>(List.of("x", new Date(0), new int[] {1})));
        try (ObjectInputStream in = new DescriptorResolvingInput(new ByteArrayInputStream(stream))) {
            Object read = in.readObject();
            return read.toString().startsWith("[x, ") ? null : "read back " + read;
        }
    }

    /** The filter rejects the class: refused, and no static initializer ran in a Ferry loader. */
    private static String filterFirst() throws Exception {
        byte[] stream = write(guarded(2, "state"));
        ObjectInputFilter rejectGuarded = info -> info.serialClass() != null
                && info.serialClass().getSimpleName().equals("Guarded2") ? ObjectInputFilter.Status.REJECTED
                : ObjectInputFilter.Status.UNDECIDED;
        try {
            read(stream, rejectGuarded);
            return "read although the filter rejects the class";
        } catch (InvalidClassException expected) {
            return null; // the IT checks that no GUARDED-INITIALIZED line names a Ferry loader
        }
    }

    /** The filter rejects the static state's Date: refused on the first read and on the second. */
    private static String filteredState() throws Exception {
        byte[] stream = write(guarded(3, new Date(0)));
        ObjectInputFilter rejectDates = info -> info.serialClass() == Date.class ? ObjectInputFilter.Status.REJECTED
                : ObjectInputFilter.Status.UNDECIDED;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Object read = read(stream, rejectDates);
                return "read " + attempt + " gave " + read.getClass().getMethod("call").invoke(read);
            } catch (InvalidClassException expected) {
                // refused, as it must be every time
            }
        }
        return null;
    }

    private static String selfReference() throws Exception {
        Object instance = guarded(4, SELF);
        try {
            write(instance);
            return "written";
        } catch (NotSerializableException expected) {
            return expected.getMessage().contains("Guarded4") ? null : "message: " + expected.getMessage();
        }
    }

    private static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] stream, ObjectInputFilter filter) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    /** Writes a codebase after the class annotation, calling {@code super} first. */
    private static final class AnnotatingOutput extends ObjectOutputStream {
        AnnotatingOutput(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            super.annotateClass(type);
            writeUTF("codebase");
        }
    }

    /** Reads its codebase after {@code super.resolveClass}. */
    private static final class AnnotationReadingInput extends ObjectInputStream {
        AnnotationReadingInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            Class<?> type = super.resolveClass(descriptor);
            String codebase = readUTF();
            if (!codebase.equals("codebase")) {
                throw new StreamCorruptedException("annotation " + codebase);
            }
            return type;
        }
    }

    /** Resolves each class as soon as its descriptor is read, outside block-data mode (a known pattern). */
    private static final class DescriptorResolvingInput extends ObjectInputStream {
        DescriptorResolvingInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
            ObjectStreamClass descriptor = super.readClassDescriptor();
            return ObjectStreamClass.lookup(resolveClass(descriptor));
        }
    }
}
