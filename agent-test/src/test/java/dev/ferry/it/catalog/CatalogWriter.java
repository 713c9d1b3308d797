package dev.ferry.it.catalog;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Forked writer JVM: {@code CatalogWriter <file>} writes every scenario of the catalog into one file.
 *
 * <p>Each scenario is written first and probed afterwards (some probes change the objects they run, e.g. a consumer
 * that fills a captured list), so the bytes hold the objects as the application made them. Prints
 * {@code WROTE <name>} or {@code NOT-WRITTEN <name>: <why>} per scenario, then the agent's counters.
 */
public final class CatalogWriter {

    private static final int MAX_TEXT = 8000;

    private CatalogWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        List<CatalogFile.Entry> isolated = new ArrayList<>();
        for (Scenario scenario : ScenarioCatalog.isolated()) {
            isolated.add(report(writeIsolated(scenario)));
        }
        ByteArrayOutputStream sharedBytes = new ByteArrayOutputStream();
        List<CatalogFile.Entry> shared = writeShared(ScenarioCatalog.shared(), sharedBytes);
        shared.forEach(CatalogWriter::report);
        new CatalogFile(isolated, shared, sharedBytes.toByteArray()).writeTo(file);
        System.out.println(FerryCounters.line());
    }

    private static CatalogFile.Entry writeIsolated(Scenario scenario) {
        Object[] roots;
        byte[] bytes;
        try {
            roots = scenario.roots().create();
            bytes = Streams.write(roots);
        } catch (Throwable failure) {
            return CatalogFile.Entry.failed(scenario.name(), -1, "the writer could not write it: " + text(failure));
        }
        try {
            return CatalogFile.Entry.written(scenario.name(), roots.length, scenario.probe().describe(roots), bytes);
        } catch (Throwable failure) {
            return CatalogFile.Entry.failed(scenario.name(), -1, "the probe failed on the writer: " + text(failure));
        }
    }

    /** One stream for the whole section; once a write fails the stream is unusable and the rest is not written. */
    private static List<CatalogFile.Entry> writeShared(List<Scenario> scenarios, ByteArrayOutputStream bytes)
            throws IOException {
        List<Object[]> written = new ArrayList<>();
        String brokenBy = null;
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Scenario scenario : scenarios) {
                if (brokenBy != null) {
                    written.add(null);
                    continue;
                }
                try {
                    Object[] roots = scenario.roots().create();
                    for (Object root : roots) {
                        out.writeObject(root);
                    }
                    written.add(roots);
                } catch (Throwable failure) {
                    brokenBy = scenario.name() + ": " + text(failure);
                    written.add(null);
                }
            }
        } catch (IOException closing) {
            brokenBy = brokenBy == null ? "closing the stream: " + text(closing) : brokenBy;
        }
        List<CatalogFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            entries.add(probeShared(scenarios.get(i), written.get(i), brokenBy));
        }
        return entries;
    }

    private static CatalogFile.Entry probeShared(Scenario scenario, Object[] roots, String brokenBy) {
        if (roots == null) {
            return CatalogFile.Entry.failed(scenario.name(), -1, "the writer could not write it (shared stream broken"
                    + " by " + brokenBy + ")");
        }
        try {
            return CatalogFile.Entry.written(scenario.name(), roots.length, scenario.probe().describe(roots), null);
        } catch (Throwable failure) {
            return CatalogFile.Entry.failed(scenario.name(), roots.length,
                    "the probe failed on the writer: " + text(failure));
        }
    }

    private static CatalogFile.Entry report(CatalogFile.Entry entry) {
        System.out.println(entry.failure() == null ? "WROTE " + entry.name()
                : "NOT-WRITTEN " + entry.name() + ": " + entry.failure());
        return entry;
    }

    private static String text(Throwable failure) {
        String text = Failures.describeChain(failure);
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
