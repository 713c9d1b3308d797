package dev.ferry.it.byvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.support.KeyFiles;
import dev.ferry.it.ForkedJvm;
import dev.ferry.it.support.StreamSurgery;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.FerryCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reading JVM is the trust boundary for classes shipped by value: it defines one only with the writer's key
 * (HMAC over class bytes and static state), refuses with a message that says what to do, refuses a class that refers
 * to a denied method unless {@code allowReferences} names it, and never initializes a refused class (the
 * {@link TrustFixtures} classes print {@code CANARY-RAN} from their static initializers; each refusal is checked
 * between the reader's {@code CASE-BEGIN}/{@code CASE-END} lines). Accepted controls in the same readers prove the
 * canaries and the streams work.
 *
 * <p>JVM launches (8), on the JDK of this build (CI runs both): a writer with key A, a writer with Ferry and no key,
 * readers with key A, with key A and {@code allowReferences}, with Ferry and no key, with key B, without Ferry, and
 * one JVM with a key file that is too short.
 */
class ByValueTrustIT {

    private static final Jdk JDK = Jdk.ofThisBuild();
    private static final String CNFE = "java.lang.ClassNotFoundException";
    private static final String INVALID_CLASS = "java.io.InvalidClassException";

    @TempDir
    static Path files;

    private static final Map<String, String> UNPATCHABLE = new ConcurrentHashMap<>();

    private static final Once<Map<String, Path>> KEYS = Once.of(() -> Map.of(
            "A", KeyFiles.random(files.resolve("a.key"), KeyFiles.MINIMUM_BYTES),
            "B", KeyFiles.random(files.resolve("b.key"), KeyFiles.MINIMUM_BYTES + 32),
            "short", KeyFiles.random(files.resolve("short.key"), 16)));

    private static final Once<Path> KEYED_WRITER = Once.of(() -> {
        Path directory = directory("keyed");
        ForkedJvm.on(JDK).withFerry("keyFile=" + key("A")).main(TrustProgram.class, "write", directory.toString())
                .run().assertSucceeded();
        return directory;
    });
    private static final Once<Path> UNKEYED_WRITER = Once.of(() -> {
        Path file = files.resolve("unkeyed-canary-rule.ser");
        ForkedJvm.on(JDK).withFerry().main(TrustProgram.class, "write-canary", file.toString()).run()
                .assertSucceeded();
        return file;
    });

    private static final Once<JvmRun> READER_WITH_KEY = Once.of(() -> read(
            ForkedJvm.on(JDK).withFerry("keyFile=" + key("A")),
            cases(TrustFixtures.DENIED.stream().map(denied -> denied.simpleName() + "=" + written(denied.file())),
            "unkeyed=" + UNKEYED_WRITER.get(),
            "tampered-class=" + tampered("tampered-class.ser", TrustProgram.CANARY_RULE_FILE,
                    stream -> StreamSurgery.flipInClassFile(stream, TrustFixtures.CLASS_BYTES_MARKER)),
            "tampered-static=" + tampered("tampered-static.ser", TrustProgram.STATIC_STATE_FILE,
                    stream -> StreamSurgery.flipEverywhere(stream, LabelInterceptor.MARKER)),
            "exec=" + written(TrustProgram.EXEC_RULE_FILE),
            "exit=" + written(TrustProgram.EXIT_RULE_FILE),
            // the controls come last: a class initialized by a control would not run its canary again
            "canary-control=" + written(TrustProgram.CANARY_RULE_FILE),
            "static-state-control=" + written(TrustProgram.STATIC_STATE_FILE))));
    private static final Once<JvmRun> READER_ALLOWING_EXEC = Once.of(() -> read(
            ForkedJvm.on(JDK).withFerry("keyFile=" + key("A") + ",allowReferences=java.lang.Runtime#exec"),
            "exit=" + written(TrustProgram.EXIT_RULE_FILE), "exec=" + written(TrustProgram.EXEC_RULE_FILE)));
    private static final Once<JvmRun> READER_WITHOUT_KEY = Once.of(() -> read(ForkedJvm.on(JDK).withFerry(),
            "canary=" + written(TrustProgram.CANARY_RULE_FILE),
            "static-state=" + written(TrustProgram.STATIC_STATE_FILE)));
    private static final Once<JvmRun> READER_WITH_OTHER_KEY = Once.of(() -> read(
            ForkedJvm.on(JDK).withFerry("keyFile=" + key("B")),
            "canary=" + written(TrustProgram.CANARY_RULE_FILE),
            "static-state=" + written(TrustProgram.STATIC_STATE_FILE)));
    private static final Once<JvmRun> READER_WITHOUT_FERRY = Once.of(() -> read(ForkedJvm.on(JDK).withoutFerry(),
            "unkeyed=" + UNKEYED_WRITER.get(), "canary=" + written(TrustProgram.CANARY_RULE_FILE)));

    @Test
    void stream_of_a_writer_without_a_key_should_fail_on_a_keyed_reader_with_class_not_found_naming_keyFile() {
        String result = result(READER_WITH_KEY.get(), "unkeyed");
        String notFound = segment(result, CNFE);
        assertTrue(notFound.contains(TrustFixtures.CANARY_RULE) && notFound.contains("keyFile"),
                () -> "a ClassNotFoundException naming " + TrustFixtures.CANARY_RULE + " and keyFile expected, got: "
                        + result);
        assertNoCanaryIn(READER_WITH_KEY.get(), "unkeyed");
    }

    @Test
    void stream_of_a_writer_without_a_key_should_fail_without_ferry_with_the_plain_class_not_found() {
        assertEquals("REFUSED " + CNFE + ": " + TrustFixtures.CANARY_RULE,
                result(READER_WITHOUT_FERRY.get(), "unkeyed"));
    }

    @Test
    void by_value_stream_should_fail_without_ferry_with_a_checked_exception_no_worse_than_today() {
        String result = result(READER_WITHOUT_FERRY.get(), "canary");
        assertTrue(result.startsWith("REFUSED java.io.") || result.startsWith("REFUSED " + CNFE + ":"),
                () -> "a reader without Ferry should fail with an IOException or ClassNotFoundException, got: "
                        + result);
        assertNoCanaryAnywhere(READER_WITHOUT_FERRY.get());
    }

    @Test
    void by_value_stream_should_be_refused_by_a_reader_without_a_key_with_a_hint_to_set_keyFile() {
        assertRefused(READER_WITHOUT_KEY.get(), "canary", "keyFile");
        assertRefused(READER_WITHOUT_KEY.get(), "static-state", "keyFile");
        assertNoCanaryAnywhere(READER_WITHOUT_KEY.get());
    }

    @Test
    void by_value_stream_should_be_refused_by_a_reader_with_another_key_for_its_hmac() {
        assertRefused(READER_WITH_OTHER_KEY.get(), "canary", "HMAC");
        assertRefused(READER_WITH_OTHER_KEY.get(), "static-state", "HMAC");
        assertNoCanaryAnywhere(READER_WITH_OTHER_KEY.get());
    }

    @Test
    void bit_flipped_in_the_shipped_class_bytes_should_be_refused_for_its_hmac() {
        assertTampered("tampered-class.ser");
        assertRefused(READER_WITH_KEY.get(), "tampered-class", "HMAC");
    }

    @Test
    void bit_flipped_in_the_shipped_static_state_should_be_refused_for_its_hmac() {
        assertTampered("tampered-static.ser");
        assertRefused(READER_WITH_KEY.get(), "tampered-static", "HMAC");
    }

    @Test
    void class_referring_to_runtime_exec_should_be_refused_naming_the_method() {
        assertRefused(READER_WITH_KEY.get(), "exec", "java.lang.Runtime", "exec");
    }

    @Test
    void class_referring_to_system_exit_should_be_refused_naming_the_method() {
        assertRefused(READER_WITH_KEY.get(), "exit", "java.lang.System", "exit");
    }

    /** Each family of the default deny-list, reached by a route a rule naming only the obvious class would miss. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ferry.it.byvalue.TrustFixtures#deniedCases")
    void class_referring_to_a_denied_family_should_be_refused_naming_the_rule(TrustFixtures.Denied denied) {
        assertRefused(READER_WITH_KEY.get(), denied.simpleName(), "denied reference", denied.rule());
    }

    @Test
    void class_referring_to_runtime_exec_should_be_accepted_when_allowReferences_names_it() {
        JvmRun run = READER_ALLOWING_EXEC.get();
        assertEquals("ACCEPTED test(5)=false test(6)=true motto()=" + TrustFixtures.CLASS_BYTES_MARKER,
                result(run, "exec"), run::report);
        assertTrue(caseLines(run, "exec").contains(Canary.LINE + " ExecRule"),
                () -> "the accepted class should have been initialized in its case\n" + run.report());
    }

    @Test
    void allowing_runtime_exec_should_still_refuse_system_exit() {
        assertRefused(READER_ALLOWING_EXEC.get(), "exit", "java.lang.System", "exit");
    }

    /** The controls: the same streams, untampered, work and run their canaries, so the refusals mean something. */
    @Test
    void untampered_streams_should_be_accepted_with_the_key_and_their_classes_initialized_only_then() {
        JvmRun run = READER_WITH_KEY.get();
        assertEquals("ACCEPTED test(5)=false test(6)=true motto()=" + TrustFixtures.CLASS_BYTES_MARKER,
                result(run, "canary-control"), run::report);
        assertEquals("ACCEPTED describe()=static state: carrier mood=as-written " + LabelInterceptor.MARKER,
                result(run, "static-state-control"), run::report);
        assertTrue(caseLines(run, "canary-control").contains(Canary.LINE + " CanaryRule"), run::report);
        assertTrue(caseLines(run, "static-state-control").contains(
                Canary.LINE + " " + TrustFixtures.STATIC_STATE_CARRIER), run::report);
        String beforeControls = run.stdout().substring(0, run.stdout().indexOf("CASE-BEGIN canary-control"));
        assertFalse(beforeControls.contains(Canary.LINE), () -> "a canary ran before any class was accepted\n"
                + run.report());
    }

    @Test
    void refusals_should_be_counted() {
        JvmRun run = READER_WITH_KEY.get();
        long refusals = FerryCounters.parse(run.stdout()).getOrDefault(FerryCounters.REFUSALS, -1L);
        assertTrue(refusals >= 4, () -> "the tampered and denied classes should count as refusals, counted "
                + refusals + "\n" + run.report());
    }

    @Test
    void key_file_shorter_than_32_bytes_should_be_reported_in_one_ferry_line_and_the_application_should_run() {
        JvmRun run = ForkedJvm.on(JDK).withFerry("keyFile=" + key("short")).checkingStderrItself()
                .main(TrustProgram.class, "hello").run();
        run.assertSucceeded();
        assertEquals(List.of("HELLO base(ferry)"), run.stdoutLines(), run::report);
        List<String> stderr = run.stderrLines();
        assertEquals(1, stderr.size(), () -> "exactly one stderr line expected\n" + run.report());
        String line = stderr.get(0);
        assertTrue(line.startsWith("ferry:") && line.contains("keyFile") && line.contains("32"),
                () -> "the line should start with 'ferry:' and mention keyFile and 32\n" + run.report());
        byte[] secret = KeyFiles.read(key("short"));
        assertFalse(line.contains(HexFormat.of().formatHex(secret)) || line.contains(Base64.getEncoder()
                .encodeToString(secret)), () -> "the key must never be printed\n" + run.report());
    }

    /** {@code REFUSED java.io.InvalidClassException: ...} whose own message contains every fragment; no canary. */
    private static void assertRefused(JvmRun run, String name, String... fragments) {
        String result = result(run, name);
        assertTrue(result.startsWith("REFUSED " + INVALID_CLASS + ": "),
                () -> name + " should be refused with InvalidClassException, got: " + result + "\n" + run.report());
        String message = segment(result, INVALID_CLASS);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> name + ": the refusal should mention " + fragment
                    + ", got: " + result);
        }
        assertNoCanaryIn(run, name);
    }

    private static void assertNoCanaryIn(JvmRun run, String name) {
        assertFalse(caseLines(run, name).stream().anyMatch(line -> line.startsWith(Canary.LINE)),
                () -> "a refused class was initialized while " + name + " was read\n" + run.report());
    }

    private static void assertNoCanaryAnywhere(JvmRun run) {
        assertFalse(run.stdout().contains(Canary.LINE), () -> "a refused class was initialized\n" + run.report());
    }

    private static String result(JvmRun run, String name) {
        List<String> results = run.linesAfter("RESULT " + name + " ");
        assertEquals(1, results.size(), () -> "one result expected for " + name + "\n" + run.report());
        return results.get(0);
    }

    /** The first exception of the described chain ({@code A: m <- caused by B: m}) that is a {@code type}. */
    private static String segment(String result, String type) {
        for (String segment : result.substring(result.indexOf(' ') + 1).split(" <- caused by ")) {
            if (segment.startsWith(type + ":")) {
                return segment;
            }
        }
        return "(no " + type + " in " + result + ")";
    }

    private static List<String> caseLines(JvmRun run, String name) {
        List<String> lines = run.stdoutLines();
        int begin = lines.indexOf("CASE-BEGIN " + name);
        int end = lines.indexOf("CASE-END " + name);
        assertTrue(begin >= 0 && end > begin, () -> "no case " + name + "\n" + run.report());
        return lines.subList(begin + 1, end);
    }

    private static String[] cases(java.util.stream.Stream<String> first, String... rest) {
        return java.util.stream.Stream.concat(first, java.util.stream.Stream.of(rest)).toArray(String[]::new);
    }

    private static JvmRun read(ForkedJvm jvm, String... cases) {
        List<String> arguments = new ArrayList<>(List.of("read"));
        arguments.addAll(List.of(cases));
        return jvm.main(TrustProgram.class, arguments.toArray(new String[0])).run().assertSucceeded();
    }

    private static Path key(String name) {
        return KEYS.get().get(name);
    }

    private static Path written(String file) {
        return KEYED_WRITER.get().resolve(file);
    }

    private interface Patch {
        byte[] apply(byte[] stream);
    }

    /**
     * The patched copy of a written stream. A patch that finds nothing to flip is recorded for its test to report
     * (and the reader gets a missing file), so that it does not fail the other tests of the same reader.
     */
    private static Path tampered(String name, String original, Patch patch) {
        Path file = files.resolve(name);
        try {
            return Files.write(file, patch.apply(Files.readAllBytes(written(original))));
        } catch (IllegalStateException nothingToFlip) {
            UNPATCHABLE.put(name, nothingToFlip.getMessage());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertTampered(String name) {
        READER_WITH_KEY.get();
        assertFalse(UNPATCHABLE.containsKey(name), () -> "could not tamper with the stream: " + UNPATCHABLE.get(name));
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(files.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
