package dev.ferry.it.byvalue;

import dev.ferry.it.support.Verdicts;
import dev.ferry.it.support.FerryCounters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Forked reader JVM, which never ran a generator: {@code ByValueReader <directory>} reads what a {@link ByValueWriter}
 * wrote with a plain {@code ObjectInputStream}, checks that each scenario's class had to travel (it is not on this
 * JVM's class path), probes what it read and compares with the writer's probe. Prints {@code PASS <check>} or
 * {@code FAIL <check>: <why>} for each of {@link #checks()}, then the counters; exits with 1 if any failed.
 */
public final class ByValueReader {

    private final Path directory;
    private final Map<String, ByValueScenario> catalog = ByValueCatalog.byName();
    private final Map<String, Object[]> read = new HashMap<>();
    private final Verdicts verdicts = new Verdicts();

    private ByValueReader(Path directory) {
        this.directory = directory;
    }

    /** Every check the reader reports, in order: the scenarios, then the reader-only checks. */
    public static List<String> checks() {
        return Stream.concat(Stream.of(ConcurrentFirstReads.CHECK), Stream.concat(ByValueCatalog.names().stream(),
                Stream.of(IdentityAcrossStreams.CHECK, DefinitionOncePerStream.CHECK, MaterializedLoaders.CHECK,
                        LoaderCollection.CONTROL, LoaderCollection.CHECK))).toList();
    }

    public static void main(String[] args) {
        ByValueReader reader = new ByValueReader(Path.of(args[0]));
        reader.checkAll();
        System.out.println(FerryCounters.line());
        System.exit(reader.verdicts.exitCode());
    }

    /** The concurrent first read comes first: no other read may have materialized anything before it. */
    private void checkAll() {
        verdicts.check(ConcurrentFirstReads.CHECK, () -> ConcurrentFirstReads.check(directory, ObjectReader.PLAIN));
        catalog.values().forEach(scenario -> verdicts.check(scenario.name(), () -> readAndCompare(scenario)));
        verdicts.check(IdentityAcrossStreams.CHECK, () -> IdentityAcrossStreams.check(directory, ObjectReader.PLAIN));
        verdicts.check(DefinitionOncePerStream.CHECK,
                () -> DefinitionOncePerStream.check(directory, ObjectReader.PLAIN));
        verdicts.check(MaterializedLoaders.CHECK, () -> MaterializedLoaders.check(read, catalog));
        verdicts.check(LoaderCollection.CONTROL, LoaderCollection::checkControl);
        verdicts.check(LoaderCollection.CHECK, () -> LoaderCollection.check(directory));
    }

    private String readAndCompare(ByValueScenario scenario) throws Exception {
        List<String> expected = Files.readAllLines(directory.resolve(scenario.name() + ".expected"),
                StandardCharsets.UTF_8);
        byte[] stream = Files.readAllBytes(directory.resolve(scenario.name() + ".ser"));
        Object[] roots = ObjectReader.PLAIN.read(stream, Integer.parseInt(expected.get(0)));
        read.put(scenario.name(), roots);
        return compare(scenario, roots, expected.get(1));
    }

    /** Shared with the in-JVM self-check: the class must be generated, the probe must say what the writer's said. */
    static String compare(ByValueScenario scenario, Object[] roots, String expected) throws Exception {
        Class<?> travelling = scenario.travelling().of(roots);
        if (travelling != null && !GeneratedClasses.notOnTheClassPath(travelling)) {
            return travelling.getName() + " is on the class path: the scenario does not test a generated class";
        }
        String actual = scenario.probe().describe(roots);
        return actual.equals(expected) ? null
                : "expected <" + expected + "> but what was read gave <" + actual + ">";
    }
}
