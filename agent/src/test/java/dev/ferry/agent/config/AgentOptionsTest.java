package dev.ferry.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    private static AgentOptions parse(String arguments, Map<String, String> properties, Map<String, String> env) {
        Properties systemProperties = new Properties();
        systemProperties.putAll(properties);
        return AgentOptions.parse(arguments, systemProperties, env);
    }

    @Test
    void options_should_default_to_every_application_class() {
        AgentOptions options = parse(null, Map.of(), Map.of());
        assertEquals(List.of(), options.includes());
        assertEquals(List.of(), options.excludes());
    }

    @Test
    void list_values_should_split_on_colons_and_accumulate_when_repeated() {
        AgentOptions options = parse("include=com.acme:org.example,include=net.x,exclude=com.acme.internal",
                Map.of(), Map.of());
        assertEquals(List.of("com/acme", "org/example", "net/x"), options.includes());
        assertEquals(List.of("com/acme/internal"), options.excludes());
    }

    @Test
    void agent_argument_should_win_over_system_property_which_wins_over_environment() {
        assertEquals(List.of("a"), parse("include=a", Map.of("ferry.include", "b"), Map.of("FERRY_INCLUDE", "c"))
                .includes());
        assertEquals(List.of("b"), parse(null, Map.of("ferry.include", "b"), Map.of("FERRY_INCLUDE", "c"))
                .includes());
        assertEquals(List.of("c"), parse("", Map.of(), Map.of("FERRY_INCLUDE", "c")).includes());
    }

    @Test
    void unknown_option_should_be_refused_by_name_with_the_known_ones() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("include=a,colour=blue", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("unknown option 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("include, exclude"), e.getMessage());
    }

    @Test
    void invalid_package_name_should_be_refused_with_the_option_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("exclude=com..acme", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("'com..acme'") && e.getMessage().contains("'exclude'"), e.getMessage());
    }

    @Test
    void option_without_value_should_be_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("include", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("include=VALUE"), e.getMessage());
    }

    @Test
    void every_option_should_be_declared_with_a_meaning_a_default_and_an_example_of_itself() {
        for (Option option : Option.values()) {
            assertTrue(option.meaning().length() > 20, option.optionName());
            assertTrue(!option.defaultText().isEmpty(), option.optionName());
            assertTrue(option.example().startsWith(option.optionName() + "="), option.optionName());
            parse(option == Option.CONFIG || option == Option.KEY_FILE ? null : option.example(), Map.of(), Map.of());
        }
    }

    @Test
    void misspelled_option_should_be_refused_with_the_option_meant_in_every_source() {
        IllegalArgumentException argument = assertThrows(IllegalArgumentException.class,
                () -> parse("keyfile=/k", Map.of(), Map.of()));
        assertTrue(argument.getMessage().contains("unknown option 'keyfile'; did you mean 'keyFile'?"),
                argument.getMessage());

        IllegalArgumentException property = assertThrows(IllegalArgumentException.class,
                () -> parse(null, Map.of("ferry.keyfile", "/k"), Map.of()));
        assertTrue(property.getMessage().contains("unknown system property ferry.keyfile; did you mean ferry.keyFile?"),
                property.getMessage());

        IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
                () -> parse(null, Map.of(), Map.of("FERRY_KEYFIL", "/k")));
        assertTrue(variable.getMessage().contains("unknown environment variable FERRY_KEYFIL; did you mean"
                + " FERRY_KEYFILE?"), variable.getMessage());
    }

    @Test
    void names_outside_ferrys_namespace_should_be_left_alone() {
        assertEquals(List.of(), parse(null, Map.of("ferryman.x", "1", "other.ferry.x", "2"),
                Map.of("FERRYMAN", "1", "MY_FERRY_X", "2")).includes());
    }

    @Test
    void class_budgets_should_default_and_take_positive_whole_numbers_only() {
        assertEquals(1000, parse(null, Map.of(), Map.of()).maxClassesPerStream());
        assertEquals(10000, parse(null, Map.of(), Map.of()).maxClasses());
        assertEquals(7, parse("maxClassesPerStream=7", Map.of(), Map.of()).maxClassesPerStream());
        for (String invalid : new String[] {"0", "-1", "1e3", "99999999999", "many"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> parse("maxClasses=" + invalid, Map.of(), Map.of()));
            assertTrue(refused.getMessage().contains("'" + invalid + "' for option 'maxClasses'"),
                    refused.getMessage());
        }
    }

    @Test
    void by_value_options_should_parse_path_names_and_reference_rules() {
        AgentOptions options = parse("keyFile=/etc/ferry/k:ey,byValue=com.acme.rules,byName=com.acme.proxies,"
                + "denyReferences=java.lang.Thread#stop:org.evil.*,allowReferences=java.lang.Runtime#exec",
                Map.of(), Map.of());

        assertEquals("/etc/ferry/k:ey", options.keyFile());
        assertEquals(List.of("com/acme/rules"), options.byValue());
        assertEquals(List.of("com/acme/proxies"), options.byName());
        assertEquals(List.of("java.lang.Thread#stop", "org.evil.*"), options.denyReferences());
        assertEquals(List.of("java.lang.Runtime#exec"), options.allowReferences());
        assertEquals(null, parse(null, Map.of(), Map.of()).keyFile());
        assertEquals("/k", parse(null, Map.of(), Map.of("FERRY_KEYFILE", "/k")).keyFile());
    }

    @Test
    void malformed_reference_rule_should_be_refused_by_name() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> parse("denyReferences=java.lang.*#*", Map.of(), Map.of()));

        assertTrue(refused.getMessage().contains("'java.lang.*#*'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("denyReferences"), refused.getMessage());
    }

    @Test
    void short_key_file_should_be_refused_with_the_length_and_how_to_make_one() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ferry", ".key");
        try {
            java.nio.file.Files.write(file, new byte[12]);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> KeyFile.read(file.toString()));

            assertTrue(refused.getMessage().contains("has 12 bytes; a key needs at least 32"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> KeyFile.read(file + ".missing"));
            java.nio.file.Files.write(file, new byte[32]);
            assertEquals(32, KeyFile.read(file.toString()).length);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void options_file_should_fill_in_what_no_other_source_sets() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ferry", ".properties");
        try {
            java.nio.file.Files.writeString(file, "include=com.acme\nexclude=com.acme.gen\nlogLevel=INFO\n");

            AgentOptions options = parse("config=" + file + ",exclude=com.other", Map.of(), Map.of());

            assertEquals(List.of("com/acme"), options.includes());
            assertEquals(List.of("com/other"), options.excludes());
            assertEquals("info", options.logLevel());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void options_file_with_an_unknown_name_should_be_refused_naming_it_and_the_file() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ferry", ".properties");
        try {
            java.nio.file.Files.writeString(file, "inclde=com.acme\n");

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> parse(null, Map.of("ferry.config", file.toString()), Map.of()));

            assertTrue(refused.getMessage().contains("'inclde'") && refused.getMessage().contains(file.toString()),
                    refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> parse("config=" + file + ".missing", Map.of(),
                    Map.of()));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void log_level_should_default_to_off_and_refuse_other_values_listing_the_allowed_ones() {
        assertEquals("off", parse(null, Map.of(), Map.of()).logLevel());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> parse("logLevel=loud", Map.of(), Map.of()));
        assertTrue(refused.getMessage().contains("allowed: off, error, warning, info, debug"), refused.getMessage());
    }

    @Test
    void effective_options_should_say_where_each_came_from_and_never_where_the_key_is() {
        Map<String, String> effective = parse("keyFile=/secret/place/ferry.key,include=com.acme",
                Map.of("ferry.exclude", "com.acme.gen"), Map.of()).effective();

        assertEquals("set (agent argument)", effective.get("keyFile"));
        assertEquals("com.acme (agent argument)", effective.get("include"));
        assertEquals("com.acme.gen (system property ferry.exclude)", effective.get("exclude"));
        assertEquals("off (default)", effective.get("logLevel"));
        assertEquals(Option.names(), List.copyOf(effective.keySet()));
        assertTrue(effective.values().stream().noneMatch(value -> value.contains("secret")), effective.toString());
    }
}
