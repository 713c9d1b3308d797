package dev.ferry.it.byvalue;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forked writer JVM: {@code ByValueWriter <directory>} makes the objects of every {@link ByValueCatalog} scenario with
 * the real generators and writes them with a plain {@code ObjectOutputStream} to {@code <scenario>.ser}; the probe
 * runs after writing and its line goes to {@code <scenario>.expected} (root count, then the line). Then the streams of
 * the reader-only checks. Prints {@code WROTE <name>} or {@code NOT-WRITTEN <name>: <why>}, then the counters.
 */
public final class ByValueWriter {

    private static boolean failed;

    private ByValueWriter() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        for (ByValueScenario scenario : ByValueCatalog.all()) {
            attempt(scenario.name(), () -> write(directory, scenario));
        }
        attempt(IdentityAcrossStreams.CHECK, () -> IdentityAcrossStreams.write(directory));
        attempt(DefinitionOncePerStream.CHECK, () -> DefinitionOncePerStream.write(directory));
        attempt(ConcurrentFirstReads.CHECK, () -> ConcurrentFirstReads.write(directory));
        attempt(LoaderCollection.CHECK, () -> LoaderCollection.write(directory));
        System.out.println(FerryCounters.line());
        System.exit(failed ? 1 : 0);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void attempt(String name, Step step) {
        try {
            step.run();
            System.out.println("WROTE " + name);
        } catch (Throwable failure) {
            failed = true;
            System.out.println("NOT-WRITTEN " + name + ": " + Failures.describeChain(failure));
        }
    }

    private static void write(Path directory, ByValueScenario scenario) throws Exception {
        Object[] roots = scenario.roots().create();
        Files.write(directory.resolve(scenario.name() + ".ser"), Streams.write(roots));
        String expected = roots.length + "\n" + scenario.probe().describe(roots) + "\n";
        Files.writeString(directory.resolve(scenario.name() + ".expected"), expected, StandardCharsets.UTF_8);
    }
}
