package dev.ferry.it.specialize;

import dev.ferry.it.support.Verdicts;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forked writer JVM, with Ferry: {@code SpecializationWriter <directory>} makes the objects of every
 * {@link SpecializationCatalog} scenario with the specializing library and writes them with a plain
 * {@code ObjectOutputStream} to {@code <scenario>.ser}, the root count and the probe's line to
 * {@code <scenario>.expected}; then the streams of the reader-only checks. Prints {@code PASS <name>} for each stream
 * written or {@code FAIL <name>: <why>}, then the counters.
 */
public final class SpecializationWriter {

    private SpecializationWriter() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        CratesGenerator.register();
        Verdicts verdicts = new Verdicts();
        for (SpecializationScenario scenario : SpecializationCatalog.all()) {
            verdicts.check(scenario.name(), () -> write(directory, scenario));
        }
        verdicts.check(ConcurrentFirstReads.CHECK, () -> {
            ConcurrentFirstReads.write(directory);
            return null;
        });
        verdicts.check(MadeBeforeReading.CHECK, () -> {
            MadeBeforeReading.write(directory);
            return null;
        });
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }

    private static String write(Path directory, SpecializationScenario scenario) throws Exception {
        Object[] roots = scenario.roots().create();
        Files.write(directory.resolve(scenario.name() + ".ser"), Streams.write(roots));
        String expected = roots.length + "\n" + scenario.probe().describe(roots) + "\n";
        Files.writeString(directory.resolve(scenario.name() + ".expected"), expected, StandardCharsets.UTF_8);
        return null;
    }
}
