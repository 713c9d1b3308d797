package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.it.support.FerryCounters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzzes what a reader with Ferry attached does with any bytes: this JVM runs with Ferry (Surefire's argLine:
 * the fuzz key, {@code readLambdas} narrowed to {@link Lambdas}, {@value #MAX_CLASSES_PER_STREAM} classes per
 * stream), and the seeds ({@code FerryReaderFuzzTestInputs/readStream}) are legitimate streams of each kind, in each
 * nesting, written with that key: lambda, cyclic lambda, class by value, specialization. Each input is read with the
 * resource limits a reader of untrusted streams sets ({@link #LIMITS}). For every input:
 * <ul>
 * <li>only an {@code IOException} or a {@code ClassNotFoundException} escapes {@code readObject}, besides the
 * exceptions the JDK's own serialization code throws for that input without Ferry ({@link #JDKS_OWN});</li>
 * <li>the canary never runs;</li>
 * <li>no class is defined that a stream could not legitimately carry: by value only the two signed classes of the
 * seeds (the registry's live classes; one whose loader was collected may be defined again), wire classes for at most
 * the two call sites of {@link Lambdas}, at most {@value #MAX_CLASSES_PER_STREAM} new specializations per stream;</li>
 * <li>no input takes more than 10 seconds.</li>
 * </ul>
 * In a plain build it replays the seeds and any crash files kept beside them (regression mode); {@code fuzz/run-fuzz.sh}
 * runs it in fuzzing mode. Outcomes are counted by exception class in {@code target/fuzz-outcomes-<start>.txt}.
 */
class FerryReaderFuzzTest {

    /** As in the argLine. */
    static final int MAX_CLASSES_PER_STREAM = 16;
    /** Lambdas' two call sites. */
    private static final long WIRE_CLASSES = 2;
    /** Jazzer's version (the root pom's jazzer.version) and the first JDK whose class files it cannot instrument. */
    private static final String JAZZER_VERSION = "0.24.0";
    private static final int JAZZER_UNSUPPORTED_FEATURE = 25;
    private static final String SUMMARY_EVERY = "ferry.fuzz.summaryEvery";
    private static final String SEEDS = "FerryReaderFuzzTestInputs/readStream/";
    private static final List<AttackStream> SEEDED = List.of(AttackStream.LAMBDA, AttackStream.CYCLIC_LAMBDA,
            AttackStream.BY_VALUE, AttackStream.SPECIALIZATION);

    /**
     * The exceptions the JDK's serialization code throws on malformed input with or without Ferry (every crash input
     * kept beside the seeds was replayed in a reader without Ferry, which fails the same way): on JDK 17 a negative
     * array length reaches {@code Array.newInstance} (JDK 25 refuses it with a {@code StreamCorruptedException}); an
     * object or an array whose class descriptor is {@code TC_NULL} is dereferenced; a back reference to a handle that
     * is no descriptor, or no string where a field's type name belongs, fails a cast, and so does a field given a value
     * of another type; a class on the class path that this JDK cannot link fails {@code ObjectStreamClass.lookup}
     * (Jazzer's own honeypot {@code jaz.Zer} needs JDK 21; the sanitizer that plants it is off, see the pom).
     * {@code IllegalStateException} is not among them: it is how a reader that left block data unread fails.
     */
    private static final Set<String> JDKS_OWN = Set.of(NegativeArraySizeException.class.getName(),
            NullPointerException.class.getName(), ClassCastException.class.getName(),
            NoClassDefFoundError.class.getName());
    /** Where such an exception must come from: the JDK's serialization classes, and the reflection they call. */
    private static final List<String> JDK_SERIALIZATION = List.of("java.io.ObjectInputStream",
            "java.io.ObjectStreamClass", "java.lang.reflect.Array", "java.lang.Class");

    /**
     * The limits a reader of untrusted streams sets, without which the JDK alone runs out of memory on a stream that
     * claims a huge array (crash-9a8979908674e49e3d930adc0eff8465820969af); Ferry asks the same filter about what its
     * recipes name.
     */
    private static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxarray=65536;maxdepth=64;maxrefs=100000;maxbytes=1048576");

    private static final Map<String, Long> OUTCOMES = new TreeMap<>();
    private static Map<String, Long> startCounters;
    private static Path summary;
    private static long executions;

    @BeforeAll
    static void ferryIsAttached() throws IOException {
        assumeTrue(Runtime.version().feature() < JAZZER_UNSUPPORTED_FEATURE, "skipped on JDK "
                + Runtime.version().feature() + ": Jazzer " + JAZZER_VERSION + " cannot instrument this JDK's class"
                + " files (its ASM refuses class file major version 69: 'Unsupported class file major version'), so"
                + " the fuzz test runs on JDK 17 only; the attack ITs cover JDK 25 readers");
        assumeTrue(FerryCounters.snapshot().isPresent(), "this test reads with Ferry attached: run it through"
                + " Maven, whose Surefire argLine gives -javaagent");
        startCounters = FerryCounters.snapshot().get();
        Path target = Files.createDirectories(Path.of("target"));
        summary = target.resolve("fuzz-outcomes-" + System.currentTimeMillis() + ".txt");
    }

    @AfterAll
    static void writeSummary() {
        if (summary != null) {
            write();
        }
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readStream(byte[] stream) {
        Map<String, Long> before = FerryCounters.snapshot().orElseThrow();
        int canaries = Canary.runs();
        String outcome = "read";
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            in.setObjectInputFilter(LIMITS);
            in.readObject();
        } catch (IOException | ClassNotFoundException refused) {
            outcome = refused.getClass().getName();
        } catch (RuntimeException | LinkageError failure) {
            if (!isTheJdksOwn(failure)) {
                throw failure; // Jazzer reports it as a finding, with the input
            }
            outcome = "jdk-own:" + failure.getClass().getName();
        }
        count(outcome);
        assertEquals(canaries, Canary.runs(), "the stream ran the canary");
        Map<String, Long> after = FerryCounters.snapshot().orElseThrow();
        for (String live : materializedByValue()) {
            assertTrue(live.startsWith(Shipped.SHIPPED + " in ") || live.startsWith(Shipped.LINK + " in "),
                    () -> "a class was defined by value that no signed recipe carried: " + live);
        }
        assertTrue(grown(after, startCounters, "lambdas.materialized") <= WIRE_CLASSES,
                () -> "a wire class was defined for a call site readLambdas does not allow: " + after);
        assertTrue(grown(after, before, "specializations.materialized") <= MAX_CLASSES_PER_STREAM,
                () -> "one stream made more classes than maxClassesPerStream: " + before + " -> " + after);
    }

    /** The seeds stay what they claim to be: legitimate streams that read as written (a stale seed fuzzes nothing). */
    @Test
    void seeds_should_read_as_written() throws Exception {
        for (AttackStream kind : SEEDED) {
            for (Nesting nesting : Nesting.values()) {
                String seed = SEEDS + kind.name().toLowerCase(Locale.ROOT) + "-in-" + nesting.label();
                byte[] stream;
                try (InputStream in = FerryReaderFuzzTest.class.getResourceAsStream(seed)) {
                    assertNotNull(in, seed);
                    stream = in.readAllBytes();
                }
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
                    assertEquals(kind.expected(), AttackReader.render(nesting.unwrap(in.readObject())), seed);
                }
            }
        }
    }

    /**
     * Whether a runtime exception or linkage error is what the JDK itself throws for this input, without Ferry: one of
     * {@link #JDKS_OWN}, thrown by the JDK's serialization code, through no code of Ferry's.
     */
    private static boolean isTheJdksOwn(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        if (!JDKS_OWN.contains(failure.getClass().getName()) || failure.getCause() != null || frames.length == 0
                || !startsWithAny(frames[0].getClassName(), JDK_SERIALIZATION)) {
            return false;
        }
        for (StackTraceElement frame : frames) {
            if (startsWithAny(frame.getClassName(), List.of("dev.ferry.boot.", "dev.ferry.agent.", "dev.ferry.api."))) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name in loader} of every class Ferry's registry defined by value and still holds. */
    @SuppressWarnings("unchecked")
    private static List<String> materializedByValue() {
        try {
            Class<?> registry = Class.forName("dev.ferry.boot.byvalue.ClassRegistry", true, null);
            return (List<String>) registry.getMethod("describeAll").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ClassRegistry.describeAll() could not be called", e);
        }
    }

    private static long grown(Map<String, Long> after, Map<String, Long> before, String counter) {
        return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
    }

    private static synchronized void count(String outcome) {
        OUTCOMES.merge(outcome, 1L, Long::sum);
        executions++;
        if (executions % Long.getLong(SUMMARY_EVERY, 1000L) == 0) {
            write();
        }
    }

    /** {@code executions N}, then {@code <outcome> <count>} lines: what run-fuzz.sh adds up. */
    private static synchronized void write() {
        StringBuilder text = new StringBuilder("executions " + executions + "\n");
        OUTCOMES.forEach((outcome, count) -> text.append(outcome).append(' ').append(count).append('\n'));
        try {
            Files.writeString(summary, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
