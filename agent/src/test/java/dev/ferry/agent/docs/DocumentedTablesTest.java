package dev.ferry.agent.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.config.Option;
import dev.ferry.boot.diagnostics.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The options table in the README and the counters table in docs/operating.md are copies of what the declarations
 * generate ({@link Option#markdownTable()}, {@link Counter#markdownTable()}): an option or counter added, renamed or
 * re-described in code and not in the documentation fails here, with the table to paste.
 */
class DocumentedTablesTest {

    /** Surefire runs in the module's directory; the documentation is the project's. */
    private static final Path PROJECT = Path.of("..");

    @Test
    void readme_options_table_should_be_the_one_the_options_declare() throws IOException {
        assertContainsTable(PROJECT.resolve("README.md"), Option.markdownTable());
    }

    @Test
    void operating_guide_counters_table_should_be_the_one_the_counters_declare() throws IOException {
        assertContainsTable(PROJECT.resolve("docs/operating.md"), Counter.markdownTable());
    }

    private static void assertContainsTable(Path document, String table) throws IOException {
        String text = Files.readString(document, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(text.contains(table), () -> document.normalize() + " does not hold the table its declarations make;"
                + " replace its table with:\n" + table);
    }
}
