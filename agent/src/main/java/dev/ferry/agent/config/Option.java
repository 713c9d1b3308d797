package dev.ferry.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every option of Ferry, each declared once: its name, the kind of value it takes, its default, what it means and an
 * example. Parsing and validation ({@link AgentOptions}), the {@code status} command, the MXBean's options and the
 * README's table ({@link #markdownTable}, checked by a test) all come from here.
 */
public enum Option {

    INCLUDE("include", Kind.NAMES, "all application classes",
            "package or class name prefixes whose lambdas Ferry prepares", "include=com.acme:org.example"),
    EXCLUDE("exclude", Kind.NAMES, "none",
            "package or class name prefixes whose lambdas Ferry never prepares; wins over `include`",
            "exclude=com.acme.internal"),
    READ_LAMBDAS("readLambdas", Kind.NAMES, "every prepared class",
            "package or class name prefixes whose lambdas this JVM reads from streams; a lambda of any other class is"
                    + " refused", "readLambdas=com.acme.jobs"),
    KEY_FILE("keyFile", Kind.PATH, "none: generated classes are written by name",
            "file whose bytes (at least 32) are the key writers and readers share; turns on shipping generated"
                    + " classes by value", "keyFile=/etc/ferry/ferry.key"),
    BY_VALUE("byValue", Kind.NAMES, "none",
            "package or class name prefixes always shipped by value, even classes on the class path",
            "byValue=com.acme.rules"),
    BY_NAME("byName", Kind.NAMES, "none",
            "package or class name prefixes never shipped by value, even generated ones; wins over `byValue`",
            "byName=com.acme.proxies"),
    DENY_REFERENCES("denyReferences", Kind.RULES, "none",
            "reference rules refused in received class bytes, besides the built-in deny-list",
            "denyReferences=java.lang.Thread#stop"),
    ALLOW_REFERENCES("allowReferences", Kind.RULES, "none",
            "rules of the built-in deny-list to lift, written exactly as listed", "allowReferences=java.lang.Runtime#exec"),
    MAX_CLASSES_PER_STREAM("maxClassesPerStream", Kind.COUNT, "1000",
            "new classes (by value, specializations) one stream may make this JVM define or generate",
            "maxClassesPerStream=200"),
    MAX_CLASSES("maxClasses", Kind.COUNT, "10000",
            "classes Ferry made for streams that may be alive in this JVM at once", "maxClasses=50000"),
    CONFIG("config", Kind.PATH, "none",
            "a properties file of options (`option=value` lines); every other source wins over it",
            "config=/etc/ferry/ferry.properties"),
    LOG_LEVEL("logLevel", Kind.LEVEL, "off",
            "lowest level Ferry logs at, through `System.Logger` `dev.ferry`: off, error, warning, info, debug",
            "logLevel=warning");

    /** The values {@link #LOG_LEVEL} takes, in order of severity. */
    public static final List<String> LOG_LEVELS = List.of("off", "error", "warning", "info", "debug");

    private final String name;
    private final Kind kind;
    private final String defaultText;
    private final String meaning;
    private final String example;

    Option(String name, Kind kind, String defaultText, String meaning, String example) {
        this.name = name;
        this.kind = kind;
        this.defaultText = defaultText;
        this.meaning = meaning;
        this.example = example;
    }

    /** As written in agent arguments and options files: {@code keyFile}. */
    public String optionName() {
        return name;
    }

    /** {@code ferry.keyFile}. */
    public String systemProperty() {
        return "ferry." + name;
    }

    /** {@code FERRY_KEYFILE}. */
    public String environmentVariable() {
        return "FERRY_" + name.toUpperCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** What the option is when no source sets it, for people ({@code none}, {@code all application classes}). */
    public String defaultText() {
        return defaultText;
    }

    public String meaning() {
        return meaning;
    }

    public String example() {
        return example;
    }

    /** The option of this name, or null. */
    public static Option named(String name) {
        for (Option option : values()) {
            if (option.name.equals(name)) {
                return option;
            }
        }
        return null;
    }

    /** The option whose name is closest to {@code typed} (a misspelling or another case), or null. */
    public static Option closestTo(String typed) {
        Option closest = null;
        int best = 3; // more than two edits away is not a misspelling
        for (Option option : values()) {
            int distance = Edits.distance(typed.toLowerCase(Locale.ROOT), option.name.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = option;
            }
        }
        return closest;
    }

    /** Every option's name, in declaration order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Option option : values()) {
            names.add(option.name);
        }
        return names;
    }

    /** The README's options table: one row per option, in declaration order. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| option | default | meaning | example |\n| --- | --- | --- | --- |\n");
        for (Option option : values()) {
            table.append("| `").append(option.name).append("` | ").append(option.defaultText).append(" | ")
                    .append(option.meaning).append(" | `").append(option.example).append("` |\n");
        }
        return table.toString();
    }

    /** What values an option takes, and how they are checked. */
    public enum Kind {
        /** Package or class names separated by {@code :}. */
        NAMES,
        /** Reference rules ({@code a.b.C}, {@code a.b.C#member}, {@code a.b.C#*}, {@code a.b.*}) separated by {@code :}. */
        RULES,
        /** A file, taken whole. */
        PATH,
        /** One of {@link #LOG_LEVELS}. */
        LEVEL,
        /** A positive whole number. */
        COUNT
    }

    /** Edit distance, for "did you mean". */
    private static final class Edits {
        private Edits() {
        }

        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
