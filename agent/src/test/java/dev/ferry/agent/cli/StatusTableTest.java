package dev.ferry.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void table_should_show_every_section_with_aligned_names_and_right_aligned_numbers() {
        Map<String, String> options = new TreeMap<>(Map.of("include", "com.acme", "keyFile", "set", "exclude", ""));
        Map<String, Long> counters = new TreeMap<>(Map.of("lambdas.written", 2L, "callsites.prepared", 14L));
        AgentStatus status = new AgentStatus("0.1.0", options, counters, Map.of("integrity", 0L), 3L,
                List.of("transform com.acme.A: java.lang.VerifyError"));

        assertEquals(String.join("\n",
                "4242:",
                "Version: 0.1.0",
                "",
                "Options:",
                "  exclude  (not set)",
                "  include  com.acme",
                "  keyFile  set",
                "",
                "Counters:",
                "  callsites.prepared  14",
                "  lambdas.written      2",
                "",
                "Refusals by reason:",
                "  integrity  0",
                "",
                "Registry size: 3",
                "",
                "Recent errors (1, oldest first):",
                "  transform com.acme.A: java.lang.VerifyError",
                ""), StatusTable.format(4242, status));
    }

    @Test
    void empty_sections_should_say_none() {
        String table = StatusTable.format(1, new AgentStatus("v", Map.of(), Map.of(), Map.of(), 0L, List.of()));
        assertTrue(table.contains("Options:\n  (none)\n"), table);
        assertTrue(table.contains("Refusals by reason:\n  (none)\n"), table);
        assertTrue(table.endsWith("Recent errors: none\n"), table);
    }

    @Test
    void figures_an_older_agent_does_not_report_should_say_so_instead_of_failing() {
        String table = StatusTable.format(1, new AgentStatus(null, null, null, null, null, null));
        assertTrue(table.contains("Version: " + StatusTable.NOT_REPORTED + "\n"), table);
        assertTrue(table.contains("Counters:\n  " + StatusTable.NOT_REPORTED + "\n"), table);
        assertTrue(table.contains("Registry size: " + StatusTable.NOT_REPORTED + "\n"), table);
        assertTrue(table.endsWith("Recent errors: " + StatusTable.NOT_REPORTED + "\n"), table);
    }

    @Test
    void text_from_the_other_jvm_should_not_break_the_table() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("odd\nname", 1L);
        String table = StatusTable.format(1, new AgentStatus("v", Map.of(), counters, Map.of(), 0L,
                List.of("line one\nline two\u001b[31m")));
        assertTrue(table.contains("  odd\\nname  1\n"), table);
        assertTrue(table.contains("  line one\\nline two\\u001b[31m\n"), table);
    }
}
