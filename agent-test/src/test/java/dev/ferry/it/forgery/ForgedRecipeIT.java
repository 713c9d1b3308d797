package dev.ferry.it.forgery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.StreamSurgery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reading JVM is the trust boundary: a stream that names a lambda call site its own prepared copy of the capturing
 * class does not have, dresses another class up as a lambda's, describes captured values the call site does not
 * capture, or brings a forged {@code SerializedLambda}, is refused with {@code InvalidClassException} or
 * {@code InvalidObjectException}, and nothing the stream names runs or is initialized ({@link Canary} never leaves a
 * marker). An unpatched stream read by the same reader is the control.
 *
 * <p>JVM launches (4): one writer with Ferry; the forgeries are patched here; one reader with Ferry per JDK, and one
 * reader that excludes the capturing class.
 */
class ForgedRecipeIT {

    private static final String VICTIM = Victim.class.getName();

    @TempDir
    static Path files;

    private static final Once<Map<String, Path>> FORGERIES = Once.of(ForgedRecipeIT::writeAndForge);
    private static final Map<Jdk, Once<JvmRun>> READERS = new EnumMap<>(Jdk.class);
    private static final Once<JvmRun> EXCLUDING_READER = Once.of(() -> ForkedJvm.on(Jdk.ofThisBuild())
            .withFerry("exclude=" + VICTIM)
            .main(ForgeryReader.class, Forgery.LEGITIMATE_CONTROL + "=" + FORGERIES.get()
                    .get(Forgery.LEGITIMATE_CONTROL.name()))
            .run().assertSucceeded());

    private enum Forgery {
        LEGITIMATE_CONTROL,
        HASH_FLIPPED,
        CLASS_WITHOUT_SUCH_CALL_SITE,
        CLASS_NOT_PREPARED_BY_FERRY,
        ORDINARY_CLASS_DRESSED_AS_A_LAMBDA,
        CAPTURED_FIELD_RENAMED,
        CAPTURED_VALUE_OF_THE_WRONG_TYPE,
        TRUNCATED_AFTER_THE_CALL_SITE,
        SERIALIZED_LAMBDA_THROUGH_A_FERRY_PREPARED_CLASS,
        SERIALIZED_LAMBDA_THROUGH_A_CLASS_WITH_JAVAC_LAMBDAS,
        SERIALIZED_LAMBDA_THROUGH_THE_TARGET_CLASS
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void unpatched_stream_should_be_accepted_by_the_same_reader(Jdk jdk) {
        assertEquals("ACCEPTED apply(x)=" + ForgeryWriter.PREFIX + "x", result(jdk, Forgery.LEGITIMATE_CONTROL),
                () -> "the control must read back and work, or the refusals below prove nothing\n"
                        + reader(jdk).report());
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void call_site_with_a_flipped_signature_hash_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.HASH_FLIPPED, "Victim has no lambda call site #0");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void call_site_of_a_prepared_class_without_such_call_site_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.CLASS_WITHOUT_SUCH_CALL_SITE, "Decoys has no lambda call site #0");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void call_site_of_a_class_not_prepared_by_ferry_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.CLASS_NOT_PREPARED_BY_FERRY, "Canary has no lambda call sites prepared by Ferry");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void ordinary_class_whose_descriptor_carries_a_lambda_annotation_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.ORDINARY_CLASS_DRESSED_AS_A_LAMBDA, Ordinary.class.getName()
                + " is not the name of a lambda's wire class");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void captured_values_the_call_site_does_not_capture_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.CAPTURED_FIELD_RENAMED, "the stream describes its captured values as {arg$7=");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void captured_value_of_the_wrong_type_should_be_refused(Jdk jdk) {
        assertRefused(jdk, Forgery.CAPTURED_VALUE_OF_THE_WRONG_TYPE,
                "captured value 0 is a java.lang.Integer but the call site captures a java.lang.String");
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void stream_cut_short_should_fail_with_an_io_exception(Jdk jdk) {
        String result = result(jdk, Forgery.TRUNCATED_AFTER_THE_CALL_SITE);
        assertTrue(result.startsWith("REFUSED java.io.") && !result.startsWith("REFUSED java.io.UncheckedIOException"),
                () -> "a malformed stream must fail with an IOException, got: " + result);
    }

    @Test
    void reader_that_excludes_the_capturing_class_should_refuse_its_lambdas() {
        JvmRun run = EXCLUDING_READER.get();
        List<String> results = run.linesAfter("RESULT " + Forgery.LEGITIMATE_CONTROL + " ");
        assertEquals(1, results.size(), run::report);
        assertTrue(results.get(0).startsWith("REFUSED java.io.InvalidClassException")
                && results.get(0).contains(VICTIM + " has no lambda call sites prepared by Ferry"),
                () -> "an excluded capturing class must be refused, got: " + results.get(0));
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void forged_serialized_lambda_through_a_ferry_prepared_class_should_be_refused(Jdk jdk) {
        assertSerializedLambdaRefused(jdk, Forgery.SERIALIZED_LAMBDA_THROUGH_A_FERRY_PREPARED_CLASS);
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void forged_serialized_lambda_through_a_class_with_javac_lambdas_should_be_refused(Jdk jdk) {
        assertSerializedLambdaRefused(jdk, Forgery.SERIALIZED_LAMBDA_THROUGH_A_CLASS_WITH_JAVAC_LAMBDAS);
    }

    /**
     * The target class has no lambda, so Ferry does not prepare it and the JDK refuses on its own: it has no
     * {@code $deserializeLambda$}. JDK 17 reports that as a RuntimeException, JDK 25 as an InvalidObjectException; the
     * point here is that it is refused and nothing runs (see the canary test).
     */
    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void forged_serialized_lambda_through_a_class_ferry_did_not_prepare_should_be_refused_as_without_ferry(Jdk jdk) {
        String result = result(jdk, Forgery.SERIALIZED_LAMBDA_THROUGH_THE_TARGET_CLASS);
        assertTrue(result.startsWith("REFUSED ") && result.contains("java.lang.NoSuchMethodException")
                && result.contains("Canary.$deserializeLambda$"), () -> "the JDK's own refusal expected, got: " + result);
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void canary_should_never_run_nor_even_be_initialized(Jdk jdk) {
        JvmRun run = reader(jdk);
        assertFalse(Files.exists(canaryDirectory(jdk).resolve(Canary.BOOM_MARKER)),
                () -> "Canary.boom() ran: a forged stream executed code it named\n" + run.report());
        assertFalse(Files.exists(canaryDirectory(jdk).resolve(Canary.INITIALIZED_MARKER)),
                () -> "Canary's static initializer ran: a forged stream made the reader initialize a class it named\n"
                        + run.report());
    }

    @ParameterizedTest(name = "read on {0}")
    @EnumSource(Jdk.class)
    void refused_streams_should_be_counted(Jdk jdk) {
        JvmRun run = reader(jdk);
        long refusals = FerryCounters.parse(run.stdout()).getOrDefault(FerryCounters.REFUSALS, -1L);
        assertTrue(refusals >= 8, () -> "the eight forged streams Ferry refuses should count as refusals, counted "
                + refusals + "\n" + run.report());
    }

    private static void assertRefused(Jdk jdk, Forgery forgery, String named) {
        String result = result(jdk, forgery);
        assertTrue(result.startsWith("REFUSED java.io.InvalidClassException: ")
                || result.startsWith("REFUSED java.io.InvalidObjectException: "),
                () -> forgery + " must be refused with InvalidClassException or InvalidObjectException, got: " + result);
        assertTrue(result.contains(named), () -> forgery + ": the refusal should say what was refused (" + named
                + "), got: " + result);
    }

    /**
     * Ferry refuses the {@code SerializedLambda} before its {@code readResolve} runs, with an
     * {@code InvalidObjectException} that says what was refused: the method the forgery names, and the class.
     */
    private static void assertSerializedLambdaRefused(Jdk jdk, Forgery forgery) {
        String result = result(jdk, forgery);
        assertTrue(result.startsWith("REFUSED java.io.InvalidObjectException: refused SerializedLambda: "),
                () -> forgery + " must be refused with Ferry's InvalidObjectException, got: " + result);
        assertTrue(result.contains("Canary.boom") && result.contains("nothing was linked or run"),
                () -> forgery + ": the refusal should name the refused method Canary.boom, got: " + result);
    }

    private static String result(Jdk jdk, Forgery forgery) {
        JvmRun run = reader(jdk);
        List<String> results = run.linesAfter("RESULT " + forgery + " ");
        assertEquals(1, results.size(), () -> "one result expected for " + forgery + "\n" + run.report());
        return results.get(0);
    }

    private static synchronized JvmRun reader(Jdk jdk) {
        return READERS.computeIfAbsent(jdk, key -> Once.of(() -> {
            List<String> arguments = new ArrayList<>();
            FORGERIES.get().forEach((name, file) -> arguments.add(name + "=" + file));
            return ForkedJvm.on(key).withFerry()
                    .systemProperty(Canary.DIRECTORY_PROPERTY, createdCanaryDirectory(key).toString())
                    .main(ForgeryReader.class, arguments.toArray(new String[0]))
                    .run().assertSucceeded();
        })).get();
    }

    private static Path canaryDirectory(Jdk jdk) {
        return files.resolve("canary-" + jdk.feature());
    }

    private static Path createdCanaryDirectory(Jdk jdk) {
        try {
            return Files.createDirectories(canaryDirectory(jdk));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Path> writeAndForge() {
        ForkedJvm.on(Jdk.ofThisBuild()).withFerry().main(ForgeryWriter.class, files.toString()).run()
                .assertSucceeded();
        try {
            byte[] prefixer = Files.readAllBytes(files.resolve(ForgeryWriter.PREFIXER));
            byte[] repeater = Files.readAllBytes(files.resolve(ForgeryWriter.REPEATER));
            Map<Forgery, byte[]> forged = new LinkedHashMap<>();
            forged.put(Forgery.LEGITIMATE_CONTROL, prefixer);
            forged.put(Forgery.HASH_FLIPPED, StreamSurgery.flipLambdaHash(prefixer));
            forged.put(Forgery.CLASS_WITHOUT_SUCH_CALL_SITE,
                    StreamSurgery.replaceName(prefixer, VICTIM, Decoys.class.getName()));
            forged.put(Forgery.CLASS_NOT_PREPARED_BY_FERRY,
                    StreamSurgery.replaceName(prefixer, VICTIM, Canary.class.getName()));
            forged.put(Forgery.ORDINARY_CLASS_DRESSED_AS_A_LAMBDA,
                    Files.readAllBytes(files.resolve(ForgeryWriter.ORDINARY)));
            forged.put(Forgery.CAPTURED_FIELD_RENAMED, StreamSurgery.replaceName(prefixer, "arg$1", "arg$7"));
            // the repeater's Integer under the prefixer's call site, which captures a String
            String prefixerClass = VICTIM + "$$FerryLambda$0";
            forged.put(Forgery.CAPTURED_VALUE_OF_THE_WRONG_TYPE, StreamSurgery.copySerialVersionUid(
                    StreamSurgery.replaceName(StreamSurgery.copyLambdaCallSite(repeater, prefixer),
                            VICTIM + "$$FerryLambda$1", prefixerClass), prefixer, prefixerClass));
            forged.put(Forgery.TRUNCATED_AFTER_THE_CALL_SITE, StreamSurgery.cutAfterLambdaCallSite(prefixer));
            Map<String, Path> paths = new LinkedHashMap<>();
            for (Map.Entry<Forgery, byte[]> entry : forged.entrySet()) {
                paths.put(entry.getKey().name(), Files.write(files.resolve(entry.getKey() + ".ser"), entry.getValue()));
            }
            paths.put(Forgery.SERIALIZED_LAMBDA_THROUGH_A_FERRY_PREPARED_CLASS.name(),
                    files.resolve(ForgeryWriter.serializedLambdaFile(Victim.class)));
            paths.put(Forgery.SERIALIZED_LAMBDA_THROUGH_A_CLASS_WITH_JAVAC_LAMBDAS.name(),
                    files.resolve(ForgeryWriter.serializedLambdaFile(ChainedVictim.class)));
            paths.put(Forgery.SERIALIZED_LAMBDA_THROUGH_THE_TARGET_CLASS.name(),
                    files.resolve(ForgeryWriter.serializedLambdaFile(Canary.class)));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
