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
    void every_option_should_be_documented() {
        AgentOptions.documentedOptions().forEach((name, doc) -> assertTrue(doc.length() > 20, name));
    }
}
