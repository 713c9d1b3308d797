package dev.ferry.it.catalog;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forked reader JVM: {@code CatalogReader <file>} reads what a {@link CatalogWriter} wrote, probes every scenario and
 * prints {@code PASS <name>} or {@code FAIL <name>: <reason>} (with the stack trace, indented, for diagnosis), then
 * the agent's counters. Exits with 1 if any scenario failed or is missing from the file.
 */
public final class CatalogReader {

    private final Map<String, Scenario> catalog = ScenarioCatalog.byName();
    private final Set<String> unseen = new LinkedHashSet<>(catalog.keySet());
    private int failures;

    private CatalogReader() {
    }

    public static void main(String[] args) throws IOException {
        CatalogReader reader = new CatalogReader();
        reader.check(CatalogFile.readFrom(Path.of(args[0])));
        System.out.println(FerryCounters.line());
        System.exit(reader.failures == 0 ? 0 : 1);
    }

    private void check(CatalogFile file) {
        for (CatalogFile.Entry entry : file.isolated()) {
            checkIsolated(entry);
        }
        checkShared(file.shared(), file.sharedStream());
        for (String missing : unseen) {
            fail(missing, "the catalog file has no such scenario (the writer skipped it)", null);
        }
    }

    private void checkIsolated(CatalogFile.Entry entry) {
        Scenario scenario = scenario(entry);
        if (scenario == null || writerFailed(entry)) {
            return;
        }
        Object[] roots;
        try {
            roots = Streams.read(entry.stream(), entry.rootCount());
        } catch (Throwable failure) {
            fail(entry.name(), "could not read it: " + Failures.describeChain(failure), failure);
            return;
        }
        compare(scenario, entry, roots);
    }

    /** Reads the whole shared stream first, as the writer wrote it whole before probing. */
    private void checkShared(List<CatalogFile.Entry> entries, byte[] stream) {
        List<Object[]> read = new ArrayList<>();
        String brokenBy = null;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            for (CatalogFile.Entry entry : entries) {
                if (!entry.inStream() || brokenBy != null) {
                    read.add(null);
                    continue;
                }
                try {
                    Object[] roots = new Object[entry.rootCount()];
                    for (int i = 0; i < roots.length; i++) {
                        roots[i] = in.readObject();
                    }
                    read.add(roots);
                } catch (Throwable failure) {
                    brokenBy = entry.name();
                    read.add(null);
                    fail(entry.name(), "could not read it from the shared stream: " + Failures.describeChain(failure),
                            failure);
                }
            }
        } catch (IOException | RuntimeException failure) {
            brokenBy = "the stream header: " + Failures.describeChain(failure);
        }
        for (int i = 0; i < entries.size(); i++) {
            CatalogFile.Entry entry = entries.get(i);
            Scenario scenario = scenario(entry);
            if (scenario == null || writerFailed(entry)) {
                continue;
            }
            Object[] roots = i < read.size() ? read.get(i) : null;
            if (roots != null) {
                compare(scenario, entry, roots);
            } else if (!entry.name().equals(brokenBy)) {
                fail(entry.name(), "not read: the shared stream broke earlier, at " + brokenBy, null);
            }
        }
    }

    private Scenario scenario(CatalogFile.Entry entry) {
        Scenario scenario = catalog.get(entry.name());
        if (scenario == null) {
            fail(entry.name(), "the reader's catalog has no such scenario", null);
        }
        return scenario;
    }

    private boolean writerFailed(CatalogFile.Entry entry) {
        if (entry.failure() != null) {
            fail(entry.name(), entry.failure(), null);
            return true;
        }
        return false;
    }

    private void compare(Scenario scenario, CatalogFile.Entry entry, Object[] roots) {
        String actual;
        try {
            actual = scenario.probe().describe(roots);
        } catch (Throwable failure) {
            fail(entry.name(), "invoking what was read failed: " + Failures.describeChain(failure), failure);
            return;
        }
        if (entry.expected().equals(actual)) {
            pass(entry.name());
        } else {
            fail(entry.name(), "expected <" + Failures.oneLine(entry.expected()) + "> but the read objects gave <"
                    + Failures.oneLine(actual) + ">", null);
        }
    }

    private void pass(String name) {
        unseen.remove(name);
        System.out.println("PASS " + name);
    }

    private void fail(String name, String reason, Throwable failure) {
        unseen.remove(name);
        failures++;
        System.out.println("FAIL " + name + ": " + reason);
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(line -> System.out.println("    " + line));
        }
    }
}
