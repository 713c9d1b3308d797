package dev.ferry.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.Once;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One attack reader ({@link AttackReader}) and the assertions on what it printed. The streams come from one
 * {@link AttackWriter} run for every attack IT class of the test JVM ({@link #written}), with a key both sides share.
 */
final class AttackRun {

    static final String INVALID_CLASS = "java.io.InvalidClassException";
    static final String INVALID_OBJECT = "java.io.InvalidObjectException";

    private final Jdk jdk;
    private final String options;
    private final List<String> commands = new ArrayList<>();
    private JvmRun run;

    private AttackRun(Jdk jdk, String options) {
        this.jdk = jdk;
        this.options = options;
    }

    private static final Once<Written> WRITTEN = Once.of(AttackRun::writeAll);

    /** The written streams' directory and the key: what every attack reader shares. */
    record Written(Path directory, Path key) {

        Path file(AttackStream stream, Nesting nesting) {
            return stream.file(directory, nesting);
        }

        /** A patched copy of a written stream, named after the case. */
        Path patched(String name, AttackStream stream, Nesting nesting, Patch patch) {
            try {
                return Files.write(directory.resolve(name + ".ser"),
                        patch.apply(Files.readAllBytes(file(stream, nesting))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    interface Patch {
        byte[] apply(byte[] stream);
    }

    /**
     * The attack streams, written once per test JVM (every attack IT class reads the same streams; each case patches
     * its own copy under a name of its own).
     */
    static Written written() {
        return WRITTEN.get();
    }

    /** Runs the writer with a new key in a fresh directory of the build, on the JDK of this build. */
    private static Written writeAll() {
        Path directory = ItSettings.testClasses().resolveSibling("attack-streams");
        Path streams = directory.resolve("streams");
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> earlier = Files.walk(directory)) {
                    for (Path path : earlier.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path); // an earlier run's streams and key
                    }
                }
            }
            Files.createDirectories(streams);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path key = KeyFiles.random(directory.resolve("ferry.key"), KeyFiles.MINIMUM_BYTES);
        JvmRun run = ForkedJvm.on(Jdk.ofThisBuild()).withFerry("keyFile=" + key)
                .main(AttackWriter.class, streams.toString()).run().assertSucceeded();
        // the gadget's comparator runs in the writer too, as the queue orders its elements
        assertTrue(run.stdoutLines().contains("WROTE"), run::report);
        return new Written(streams, key);
    }

    /** A reader with Ferry on {@code jdk}, the key of {@code written} and more {@code options} (may be empty). */
    static AttackRun reader(Jdk jdk, Written written, String options) {
        return new AttackRun(jdk, "keyFile=" + written.key() + (options.isEmpty() ? "" : "," + options));
    }

    AttackRun read(String name, Nesting nesting, Path file) {
        commands.add("read|" + name + "|" + nesting + "|" + file);
        return this;
    }

    AttackRun readFiltered(String name, Nesting nesting, Path file, String filter) {
        commands.add("read|" + name + "|" + nesting + "|" + file + "|" + filter);
        return this;
    }

    AttackRun truncate(String name, Nesting nesting, Path file) {
        commands.add("truncate|" + name + "|" + nesting + "|" + file);
        return this;
    }

    /** Runs the reader once (later calls return the same run). */
    synchronized JvmRun run() {
        if (run == null) {
            run = ForkedJvm.on(jdk).withFerry(options).main(AttackReader.class, commands.toArray(new String[0]))
                    .run().assertSucceeded();
        }
        return run;
    }

    String result(String name) {
        List<String> results = run().linesAfter("RESULT " + name + " ");
        assertEquals(1, results.size(), () -> "one result expected for " + name + "\n" + run().report());
        return results.get(0);
    }

    /** How much each counter of made classes (and the libraries' generations) grew while the case was read. */
    Map<String, Long> delta(String name) {
        List<String> deltas = run().linesAfter("DELTA " + name + " ");
        assertEquals(1, deltas.size(), () -> "one delta expected for " + name + "\n" + run().report());
        Map<String, Long> grown = new TreeMap<>();
        for (String pair : deltas.get(0).split(" ")) {
            int equals = pair.indexOf('=');
            grown.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return grown;
    }

    List<String> caseLines(String name) {
        List<String> lines = run().stdoutLines();
        int begin = lines.indexOf("CASE-BEGIN " + name);
        int end = lines.indexOf("CASE-END " + name);
        assertTrue(begin >= 0 && end > begin, () -> "no case " + name + "\n" + run().report());
        return lines.subList(begin + 1, end);
    }

    boolean canaryRanIn(String name) {
        return caseLines(name).stream().anyMatch(line -> line.startsWith(Canary.LINE));
    }

    long counter(String counter) {
        return FerryCounters.parse(run().stdout()).getOrDefault(counter, -1L);
    }

    /** The case read back and its payload did what it does where it was written. */
    void assertAccepted(String name, String expected) {
        assertEquals("ACCEPTED " + expected, result(name), () -> name + ": the legitimate stream should read back"
                + " and work\n" + run().report());
    }

    /**
     * The case was refused with {@code InvalidClassException} or {@code InvalidObjectException} (the exception the
     * caller of {@code readObject} gets, not a cause) whose message names every fragment; no canary ran.
     */
    String assertRefused(String name, String... fragments) {
        String result = result(name);
        assertTrue(result.startsWith("REFUSED " + INVALID_CLASS + ": ") || result.startsWith("REFUSED "
                + INVALID_OBJECT + ": "), () -> name + ": the caller should get InvalidClassException or"
                + " InvalidObjectException, got: " + result);
        String message = result.contains(" <- caused by ") ? result.substring(0, result.indexOf(" <- caused by "))
                : result;
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> name + ": the refusal should say " + fragment + ", got: "
                    + result);
        }
        assertFalse(canaryRanIn(name), () -> name + ": code the stream named ran\n" + run().report());
        return result;
    }

    @Override
    public String toString() {
        return jdk + " reader (" + options + ")";
    }
}
