package dev.ferry.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;

/**
 * Ferry's options, in one place. An option is resolved from, in order: the agent argument
 * ({@code -javaagent:ferry-agent.jar=include=com.acme:org.example,exclude=com.acme.internal}), the system property
 * {@code ferry.<option>}, the environment variable {@code FERRY_<OPTION>}, its default. Unknown names and invalid values
 * are refused by name; the caller then leaves Ferry uninstalled.
 *
 * <p>Agent arguments are {@code key=value} pairs separated by commas. List values are separated by {@code :} (a
 * character no package name contains, so no shell quoting is needed); a list option may also be repeated.
 */
public final class AgentOptions {

    /** Package or class name prefixes whose lambdas Ferry prepares. Default: every application class. */
    public static final String INCLUDE = "include";

    /** Package or class name prefixes whose lambdas Ferry never prepares; wins over {@link #INCLUDE}. */
    public static final String EXCLUDE = "exclude";

    /** The file whose bytes are the key that signs and verifies classes shipped by value (at least 32 bytes). */
    public static final String KEY_FILE = "keyFile";

    /** Package or class name prefixes always shipped by value, even classes the reader could find by name. */
    public static final String BY_VALUE = "byValue";

    /** Package or class name prefixes never shipped by value, even generated ones; wins over {@link #BY_VALUE}. */
    public static final String BY_NAME = "byName";

    /** Reference rules added to the deny-list checked on received class bytes. */
    public static final String DENY_REFERENCES = "denyReferences";

    /** Reference rules lifted from the deny-list, written exactly as in the list. */
    public static final String ALLOW_REFERENCES = "allowReferences";

    /** A properties file of options, for long settings; the other sources win over it. */
    public static final String CONFIG = "config";

    /** The lowest level Ferry logs at, through {@code System.Logger} "dev.ferry". */
    public static final String LOG_LEVEL = "logLevel";

    /** The values {@link #LOG_LEVEL} accepts, in order of severity. */
    public static final List<String> LOG_LEVELS = List.of("off", "error", "warning", "info", "debug");

    private enum Kind { NAMES, RULES, PATH, LEVEL }

    private static final Map<String, String> DOCUMENTED = documented();
    private static final Map<String, Kind> KINDS = kinds();

    private final Map<String, List<String>> values;

    private AgentOptions(Map<String, List<String>> values) {
        this.values = values;
    }

    private static Map<String, String> documented() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(INCLUDE, "package or class prefixes whose lambdas Ferry prepares (default: all application classes)");
        options.put(EXCLUDE, "package or class prefixes whose lambdas Ferry never prepares");
        options.put(KEY_FILE, "file whose bytes (at least 32) are the key shared by writers and readers; enables"
                + " shipping generated classes by value (default: none, generated classes are written by name)");
        options.put(BY_VALUE, "package or class prefixes always shipped by value, even from the class path");
        options.put(BY_NAME, "package or class prefixes never shipped by value, even when generated");
        options.put(DENY_REFERENCES, "reference rules (a.b.C, a.b.C#member, a.b.C#*, a.b.*) refused in received"
                + " class bytes, besides the built-in deny-list");
        options.put(ALLOW_REFERENCES, "rules of the built-in deny-list to lift, written as listed in the README");
        options.put(CONFIG, "a properties file of options (option=value lines), for long settings; agent"
                + " argument, system property and environment variable win over it");
        options.put(LOG_LEVEL, "lowest level logged through System.Logger \"dev.ferry\": off (default), error,"
                + " warning, info, debug");
        return Collections.unmodifiableMap(options);
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put(INCLUDE, Kind.NAMES);
        kinds.put(EXCLUDE, Kind.NAMES);
        kinds.put(KEY_FILE, Kind.PATH);
        kinds.put(BY_VALUE, Kind.NAMES);
        kinds.put(BY_NAME, Kind.NAMES);
        kinds.put(DENY_REFERENCES, Kind.RULES);
        kinds.put(ALLOW_REFERENCES, Kind.RULES);
        kinds.put(CONFIG, Kind.PATH);
        kinds.put(LOG_LEVEL, Kind.LEVEL);
        return kinds;
    }

    /** Every option's name and one-line description, in README order. */
    public static Map<String, String> documentedOptions() {
        return DOCUMENTED;
    }

    /**
     * @param agentArguments the text after {@code =} in {@code -javaagent:}, may be null
     * @param systemProperties {@code System.getProperties()} in production
     * @param environment {@code System.getenv()} in production
     * @throws IllegalArgumentException naming the unknown option or invalid value
     */
    public static AgentOptions parse(String agentArguments, Properties systemProperties,
            Map<String, String> environment) {
        Map<String, List<String>> fromArguments = parseArguments(agentArguments);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String option : DOCUMENTED.keySet()) {
            List<String> value = fromArguments.get(option);
            if (value == null) {
                value = splitList(option, firstNonNull(systemProperties.getProperty("ferry." + option),
                        environment.get("FERRY_" + option.toUpperCase(Locale.ROOT))));
            }
            values.put(option, value);
        }
        List<String> config = values.get(CONFIG);
        if (!config.isEmpty()) {
            Map<String, List<String>> fromFile = parseFile(config.get(config.size() - 1));
            for (Map.Entry<String, List<String>> entry : fromFile.entrySet()) {
                if (values.get(entry.getKey()).isEmpty()) {
                    values.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return new AgentOptions(values);
    }

    /** The options of a {@link #CONFIG} file; unknown names and invalid values are refused with the file's name. */
    private static Map<String, List<String>> parseFile(String path) {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("option '" + CONFIG + "': cannot read the options file " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (!DOCUMENTED.containsKey(key) || CONFIG.equals(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' in the options file " + path
                        + " (known options: " + String.join(", ", knownInFile()) + ")");
            }
            try {
                values.put(key, splitList(key, file.getProperty(key)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (in the options file " + path + ")");
            }
        }
        return values;
    }

    private static List<String> knownInFile() {
        List<String> known = new ArrayList<>(DOCUMENTED.keySet());
        known.remove(CONFIG);
        return known;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static Map<String, List<String>> parseArguments(String agentArguments) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (agentArguments == null || agentArguments.isBlank()) {
            return values;
        }
        for (String pair : agentArguments.split(",")) {
            int equals = pair.indexOf('=');
            String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
            if (!DOCUMENTED.containsKey(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' (known options: "
                        + String.join(", ", DOCUMENTED.keySet()) + ")");
            }
            if (equals < 0) {
                throw new IllegalArgumentException("option '" + key + "' has no value (write " + key + "=VALUE)");
            }
            // no lambdas here: this runs in premain, before the application, where every millisecond counts
            List<String> list = values.get(key);
            if (list == null) {
                list = new ArrayList<>();
                values.put(key, list);
            }
            list.addAll(splitList(key, pair.substring(equals + 1)));
        }
        return values;
    }

    private static List<String> splitList(String option, String value) {
        List<String> names = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return names;
        }
        Kind kind = KINDS.get(option);
        if (kind == Kind.PATH) {
            names.add(value.trim());
            return names;
        }
        if (kind == Kind.LEVEL) {
            String level = value.trim().toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                throw new IllegalArgumentException("invalid value '" + value.trim() + "' for option '" + option
                        + "' (allowed: " + String.join(", ", LOG_LEVELS) + ")");
            }
            names.add(level);
            return names;
        }
        for (String name : value.split(":")) {
            String trimmed = name.trim();
            if (kind == Kind.NAMES && !isQualifiedName(trimmed)) {
                throw new IllegalArgumentException("invalid value '" + trimmed + "' for option '" + option
                        + "': expected package or class names separated by ':'");
            }
            if (kind == Kind.RULES && !isReferenceRule(trimmed)) {
                throw new IllegalArgumentException("invalid value '" + trimmed + "' for option '" + option
                        + "': expected reference rules separated by ':' (a.b.C, a.b.C#member, a.b.C#* or a.b.*)");
            }
            names.add(trimmed);
        }
        return names;
    }

    /** {@code a.b.C}, {@code a.b.C#member}, {@code a.b.C#*}, {@code a.b.*} ({@code $} allowed in class names). */
    private static boolean isReferenceRule(String rule) {
        int hash = rule.indexOf('#');
        String owner = hash < 0 ? rule : rule.substring(0, hash);
        if (hash >= 0) {
            String member = rule.substring(hash + 1);
            if (owner.endsWith(".*") || !(member.equals("*") || isQualifiedName(member) && member.indexOf('.') < 0)) {
                return false;
            }
        }
        if (owner.endsWith(".*")) {
            owner = owner.substring(0, owner.length() - 2);
        }
        return isQualifiedName(owner.replace('$', '_'));
    }

    /** {@code com.acme} or {@code com.acme.Main}: identifiers separated by dots (no regex: premain pays for it). */
    private static boolean isQualifiedName(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && !start) {
                start = true;
            } else if (start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    /** The prefixes of {@link #INCLUDE} in internal form ({@code com/acme}). */
    public List<String> includes() {
        return internalNames(INCLUDE);
    }

    /** The prefixes of {@link #EXCLUDE} in internal form. */
    public List<String> excludes() {
        return internalNames(EXCLUDE);
    }

    /** The key file's path, or null when by-value shipping is off. */
    public String keyFile() {
        List<String> value = values.get(KEY_FILE);
        return value.isEmpty() ? null : value.get(value.size() - 1);
    }

    /** The {@link #LOG_LEVEL}, one of {@link #LOG_LEVELS}; {@code off} by default. */
    public String logLevel() {
        List<String> value = values.get(LOG_LEVEL);
        return value.isEmpty() ? "off" : value.get(value.size() - 1);
    }

    /**
     * The options in effect, by name, as an operator may see them: lists joined with {@code :}, the key file shown
     * only as set or not (where a key lives is nobody's business but the operator's own configuration).
     */
    public Map<String, String> effective() {
        Map<String, String> effective = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String value = String.join(":", entry.getValue());
            if (KEY_FILE.equals(entry.getKey())) {
                value = entry.getValue().isEmpty() ? "not set" : "set (redacted)";
            }
            effective.put(entry.getKey(), value);
        }
        effective.put(LOG_LEVEL, logLevel());
        return effective;
    }

    /** The prefixes of {@link #BY_VALUE} in internal form. */
    public List<String> byValue() {
        return internalNames(BY_VALUE);
    }

    /** The prefixes of {@link #BY_NAME} in internal form. */
    public List<String> byName() {
        return internalNames(BY_NAME);
    }

    /** The rules of {@link #DENY_REFERENCES}, as written. */
    public List<String> denyReferences() {
        return List.copyOf(values.get(DENY_REFERENCES));
    }

    /** The rules of {@link #ALLOW_REFERENCES}, as written. */
    public List<String> allowReferences() {
        return List.copyOf(values.get(ALLOW_REFERENCES));
    }

    private List<String> internalNames(String option) {
        List<String> names = new ArrayList<>();
        for (String name : values.get(option)) {
            names.add(name.replace('.', '/'));
        }
        return names;
    }
}
