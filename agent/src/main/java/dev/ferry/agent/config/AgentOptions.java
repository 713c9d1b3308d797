package dev.ferry.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Ferry's options as this JVM sets them ({@link Option} declares them). An option comes from, in order: the agent
 * argument ({@code -javaagent:ferry-agent.jar=include=com.acme:org.example,exclude=com.acme.internal}), the system
 * property {@code ferry.<option>}, the environment variable {@code FERRY_<OPTION>}, the options file named by
 * {@code config}, its default. Every {@code ferry.*} system property and {@code FERRY_*} environment variable is Ferry's:
 * an unknown name, in any source, and an invalid value are refused by name (with the option meant, for a near miss),
 * and the caller then leaves Ferry uninstalled.
 *
 * <p>Agent arguments are {@code key=value} pairs separated by commas. List values are separated by {@code :} (a
 * character no package name contains, so no shell quoting is needed); a list option may also be repeated.
 */
public final class AgentOptions {

    /** One option's value and where it came from. */
    private record Setting(List<String> values, String source) {
    }

    private final Map<Option, Setting> settings;

    private AgentOptions(Map<Option, Setting> settings) {
        this.settings = settings;
    }

    /**
     * @param agentArguments the text after {@code =} in {@code -javaagent:}, may be null
     * @param systemProperties {@code System.getProperties()} in production
     * @param environment {@code System.getenv()} in production
     * @throws IllegalArgumentException naming the unknown option or invalid value
     */
    public static AgentOptions parse(String agentArguments, Properties systemProperties,
            Map<String, String> environment) {
        checkNamespace(systemProperties.stringPropertyNames(), "system property ", "ferry.", false);
        checkNamespace(environment.keySet(), "environment variable ", "FERRY_", true);
        Map<Option, List<String>> fromArguments = parseArguments(agentArguments);
        Map<Option, Setting> settings = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            if (fromArguments.containsKey(option)) {
                settings.put(option, new Setting(fromArguments.get(option), "agent argument"));
            } else if (systemProperties.getProperty(option.systemProperty()) != null) {
                settings.put(option, new Setting(values(option, systemProperties.getProperty(option.systemProperty())),
                        "system property " + option.systemProperty()));
            } else if (environment.get(option.environmentVariable()) != null) {
                settings.put(option, new Setting(values(option, environment.get(option.environmentVariable())),
                        "environment variable " + option.environmentVariable()));
            }
        }
        Setting config = settings.get(Option.CONFIG);
        if (config != null && !config.values().isEmpty()) {
            String file = config.values().get(config.values().size() - 1);
            for (Map.Entry<Option, List<String>> entry : parseFile(file).entrySet()) {
                settings.putIfAbsent(entry.getKey(), new Setting(entry.getValue(), "options file " + file));
            }
        }
        for (Iterator<Map.Entry<Option, Setting>> entry = settings.entrySet().iterator(); entry.hasNext();) {
            if (entry.next().getValue().values().isEmpty()) {
                entry.remove();
            }
        }
        return new AgentOptions(settings);
    }

    /** Refuses a name in Ferry's namespace ({@code ferry.*}, {@code FERRY_*}) that is no option's. */
    private static void checkNamespace(Iterable<String> names, String what, String prefix, boolean upperCase) {
        for (String name : names) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String suffix = name.substring(prefix.length());
            boolean known = false;
            for (Option option : Option.values()) {
                known |= (upperCase ? option.environmentVariable() : option.systemProperty()).equals(name);
            }
            if (!known) {
                Option meant = Option.closestTo(suffix);
                throw new IllegalArgumentException("unknown " + what + name + (meant == null ? ""
                        : "; did you mean " + (upperCase ? meant.environmentVariable() : meant.systemProperty()) + "?")
                        + " (every " + prefix + "* " + what.trim() + " is Ferry's; known options: "
                        + String.join(", ", Option.names()) + ")");
            }
        }
    }

    private static Map<Option, List<String>> parseArguments(String agentArguments) {
        Map<Option, List<String>> values = new LinkedHashMap<>();
        if (agentArguments == null || agentArguments.isBlank()) {
            return values;
        }
        for (String pair : agentArguments.split(",")) {
            int equals = pair.indexOf('=');
            String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
            Option option = known(key, "");
            if (equals < 0) {
                throw new IllegalArgumentException("option '" + key + "' has no value (write " + key + "=VALUE)");
            }
            // no lambdas here: this runs in premain, before the application, where every millisecond counts
            List<String> list = values.get(option);
            if (list == null) {
                list = new ArrayList<>();
                values.put(option, list);
            }
            list.addAll(values(option, pair.substring(equals + 1)));
        }
        return values;
    }

    /** The option named {@code name}, or a refusal naming it (and the option meant, for a near miss). */
    private static Option known(String name, String where) {
        Option option = Option.named(name);
        if (option == null) {
            Option meant = Option.closestTo(name);
            throw new IllegalArgumentException("unknown option '" + name + "'" + where
                    + (meant == null ? "" : "; did you mean '" + meant.optionName() + "'?") + " (known options: "
                    + String.join(", ", Option.names()) + ")");
        }
        return option;
    }

    /** The options of a {@link Option#CONFIG} file; unknown names and invalid values are refused with the file's name. */
    private static Map<Option, List<String>> parseFile(String path) {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("option '" + Option.CONFIG.optionName() + "': cannot read the options"
                    + " file " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        Map<Option, List<String>> values = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            Option option = known(key, " in the options file " + path);
            if (option == Option.CONFIG) {
                throw new IllegalArgumentException("option 'config' cannot be set in the options file " + path);
            }
            try {
                values.put(option, values(option, file.getProperty(key)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (in the options file " + path + ")");
            }
        }
        return values;
    }

    /** A raw value checked and split as its option's kind says. */
    private static List<String> values(Option option, String value) {
        List<String> names = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return names;
        }
        String trimmed = value.trim();
        switch (option.kind()) {
            case PATH:
                names.add(trimmed);
                return names;
            case LEVEL:
                String level = trimmed.toLowerCase(Locale.ROOT);
                if (!Option.LOG_LEVELS.contains(level)) {
                    throw invalid(option, trimmed, "allowed: " + String.join(", ", Option.LOG_LEVELS));
                }
                names.add(level);
                return names;
            case COUNT:
                if (!isPositiveNumber(trimmed)) {
                    throw invalid(option, trimmed, "expected a whole number from 1 to " + Integer.MAX_VALUE);
                }
                names.add(trimmed);
                return names;
            default:
                for (String name : value.split(":")) {
                    String each = name.trim();
                    if (option.kind() == Option.Kind.NAMES && !isQualifiedName(each)) {
                        throw invalid(option, each, "expected package or class names separated by ':'");
                    }
                    if (option.kind() == Option.Kind.RULES && !isReferenceRule(each)) {
                        throw invalid(option, each, "expected reference rules separated by ':' (a.b.C, a.b.C#member,"
                                + " a.b.C#*, a.b.*, a.b.*#member or a.b.C+)");
                    }
                    names.add(each);
                }
                return names;
        }
    }

    private static IllegalArgumentException invalid(Option option, String value, String expected) {
        return new IllegalArgumentException("invalid value '" + value + "' for option '" + option.optionName()
                + "' (" + expected + ")");
    }

    private static boolean isPositiveNumber(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        long value = Long.parseLong(text);
        return value >= 1 && value <= Integer.MAX_VALUE;
    }

    /**
     * {@code a.b.C}, {@code a.b.C#member}, {@code a.b.C#*}, {@code a.b.*}, {@code a.b.*#member}, {@code a.b.C+}
     * ({@code $} allowed in class names): the grammar of the runtime's reference policy, checked here before Ferry's
     * runtime exists (this class must not load it).
     */
    private static boolean isReferenceRule(String rule) {
        int hash = rule.indexOf('#');
        String owner = hash < 0 ? rule : rule.substring(0, hash);
        boolean subtypes = owner.endsWith("+");
        if (subtypes) {
            owner = owner.substring(0, owner.length() - 1);
        }
        boolean wholePackage = owner.endsWith(".*");
        if (hash >= 0) {
            String member = rule.substring(hash + 1);
            boolean anyMember = member.equals("*");
            if (subtypes || anyMember && wholePackage || !anyMember && !(isQualifiedName(member)
                    && member.indexOf('.') < 0)) {
                return false;
            }
        }
        if (subtypes && wholePackage) {
            return false;
        }
        if (wholePackage) {
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

    private List<String> values(Option option) {
        Setting setting = settings.get(option);
        return setting == null ? List.of() : setting.values();
    }

    private String last(Option option) {
        List<String> values = values(option);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private List<String> internalNames(Option option) {
        List<String> names = new ArrayList<>();
        for (String name : values(option)) {
            names.add(name.replace('.', '/'));
        }
        return names;
    }

    /** The prefixes of {@link Option#INCLUDE} in internal form ({@code com/acme}); empty for every class. */
    public List<String> includes() {
        return internalNames(Option.INCLUDE);
    }

    public List<String> excludes() {
        return internalNames(Option.EXCLUDE);
    }

    /** The prefixes of {@link Option#READ_LAMBDAS} in internal form; empty for every prepared class. */
    public List<String> readLambdas() {
        return internalNames(Option.READ_LAMBDAS);
    }

    /** The key file's path, or null when by-value shipping is off. */
    public String keyFile() {
        return last(Option.KEY_FILE);
    }

    public List<String> byValue() {
        return internalNames(Option.BY_VALUE);
    }

    public List<String> byName() {
        return internalNames(Option.BY_NAME);
    }

    /** The rules of {@link Option#DENY_REFERENCES}, as written. */
    public List<String> denyReferences() {
        return List.copyOf(values(Option.DENY_REFERENCES));
    }

    public List<String> allowReferences() {
        return List.copyOf(values(Option.ALLOW_REFERENCES));
    }

    public int maxClassesPerStream() {
        return count(Option.MAX_CLASSES_PER_STREAM);
    }

    public int maxClasses() {
        return count(Option.MAX_CLASSES);
    }

    private int count(Option option) {
        String set = last(option);
        return Integer.parseInt(set != null ? set : option.defaultText());
    }

    /** The {@link Option#LOG_LEVEL}, one of {@link Option#LOG_LEVELS}. */
    public String logLevel() {
        String set = last(Option.LOG_LEVEL);
        return set != null ? set : Option.LOG_LEVEL.defaultText();
    }

    /**
     * Every option as an operator may see it: its value (lists joined with {@code :}) and where it came from, such as
     * {@code com.acme (agent argument)} or {@code all application classes (default)}. The key file's path is never
     * shown: where a key lives is nobody's business but the operator's own configuration.
     */
    public Map<String, String> effective() {
        Map<String, String> effective = new LinkedHashMap<>();
        for (Option option : Option.values()) {
            Setting setting = settings.get(option);
            String value = setting == null ? option.defaultText() + " (default)"
                    : (option == Option.KEY_FILE ? "set" : String.join(":", setting.values())) + " (" + setting.source()
                    + ")";
            effective.put(option.optionName(), value);
        }
        return effective;
    }
}
