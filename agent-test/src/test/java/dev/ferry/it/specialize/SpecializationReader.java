package dev.ferry.it.specialize;

import dev.ferry.it.support.Verdicts;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Forked reader JVM, with Ferry: {@code SpecializationReader <directory>} reads what a {@link SpecializationWriter}
 * wrote with a plain {@code ObjectInputStream}, checks that every specialization read is an instance of the class its
 * own generator returns for the recipe, that reading ran no constructor or setter, and that the read objects probe as
 * the writer's did. Prints {@code PASS <check>} or {@code FAIL <check>: <why>} for each of {@link #checks()}, then the
 * counters; exits with 1 if any failed.
 */
public final class SpecializationReader {

    static final String NO_VALIDATION = "reading_specializations_should_never_run_their_constructors_or_setters";

    private SpecializationReader() {
    }

    /** Every check the reader reports, in order. */
    static List<String> checks() {
        return Stream.of(Stream.of(ConcurrentFirstReads.CHECK), SpecializationCatalog.names().stream(),
                Stream.of(MadeBeforeReading.CHECK, NO_VALIDATION)).flatMap(names -> names).toList();
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        CratesGenerator.register();
        Verdicts verdicts = new Verdicts();
        // first: no specialization may have been made before the concurrent reads
        verdicts.check(ConcurrentFirstReads.CHECK, () -> ConcurrentFirstReads.check(directory));
        for (SpecializationScenario scenario : SpecializationCatalog.all()) {
            verdicts.check(scenario.name(), () -> readAndCompare(directory, scenario));
        }
        verdicts.check(MadeBeforeReading.CHECK, () -> MadeBeforeReading.check(directory));
        verdicts.check(NO_VALIDATION, () -> Validations.count() == 0 ? null
                : "the templates' constructors or setters ran " + Validations.count() + " times in the reader");
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }

    private static String readAndCompare(Path directory, SpecializationScenario scenario) throws Exception {
        List<String> expected = Files.readAllLines(directory.resolve(scenario.name() + ".expected"),
                StandardCharsets.UTF_8);
        byte[] stream = Files.readAllBytes(directory.resolve(scenario.name() + ".ser"));
        int validations = Validations.count();
        Object[] roots = Streams.read(stream, Integer.parseInt(expected.get(0)));
        if (Validations.count() != validations) {
            return "reading ran a template's constructor or setter " + (Validations.count() - validations) + " times";
        }
        return compare(scenario, roots, expected.get(1));
    }

    /** Shared with the in-JVM fixture self-check: the classes must be the generator's, the probe the writer's. */
    static String compare(SpecializationScenario scenario, Object[] roots, String expected) throws Exception {
        String identity = scenario.identity().problem(roots);
        if (identity != null) {
            return identity;
        }
        String actual = scenario.probe().describe(roots);
        return actual.equals(expected) ? null : "expected <" + expected + "> but what was read gave <" + actual + ">";
    }
}
