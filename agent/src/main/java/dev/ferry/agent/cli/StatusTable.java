package dev.ferry.agent.cli;

import java.util.List;
import java.util.Map;

/**
 * {@link AgentStatus} as text for people, in the manner of {@code jcmd}: the pid, then one section per figure, names
 * aligned, numbers right-aligned. Text that came from the other JVM is printed with control characters escaped, so a
 * class name or error message cannot break the table.
 */
final class StatusTable {

    static final String NOT_REPORTED = "(not reported by this agent)";

    private StatusTable() {
    }

    static String format(long pid, AgentStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(pid).append(":\n");
        out.append("Version: ").append(status.version() == null ? NOT_REPORTED : printable(status.version()))
                .append("\n\n");
        section(out, "Options", status.options());
        section(out, "Counters", status.counters());
        section(out, "Refusals by reason", status.refusals());
        out.append("Registry size: ").append(status.registrySize() == null ? NOT_REPORTED : status.registrySize())
                .append("\n\n");
        recentErrors(out, status.recentErrors());
        return out.toString();
    }

    /** Two aligned columns; values that are numbers are right-aligned. */
    private static void section(StringBuilder out, String title, Map<String, ?> rows) {
        out.append(title).append(":\n");
        if (rows == null || rows.isEmpty()) {
            out.append("  ").append(rows == null ? NOT_REPORTED : "(none)").append('\n');
        }
        int nameWidth = 0;
        int valueWidth = 0;
        if (rows != null) {
            for (Map.Entry<String, ?> row : rows.entrySet()) {
                nameWidth = Math.max(nameWidth, printable(row.getKey()).length());
                valueWidth = Math.max(valueWidth, value(row.getValue()).length());
            }
            for (Map.Entry<String, ?> row : rows.entrySet()) {
                String value = value(row.getValue());
                out.append("  ").append(padRight(printable(row.getKey()), nameWidth)).append("  ")
                        .append(row.getValue() instanceof Number ? padLeft(value, valueWidth) : value).append('\n');
            }
        }
        out.append('\n');
    }

    /** An option without a value (reported as empty) reads "(not set)" rather than a blank. */
    private static String value(Object value) {
        String text = printable(String.valueOf(value));
        return text.isEmpty() ? "(not set)" : text;
    }

    private static void recentErrors(StringBuilder out, List<String> errors) {
        if (errors == null) {
            out.append("Recent errors: ").append(NOT_REPORTED).append('\n');
            return;
        }
        if (errors.isEmpty()) {
            out.append("Recent errors: none\n");
            return;
        }
        out.append("Recent errors (").append(errors.size()).append(", oldest first):\n");
        for (String error : errors) {
            out.append("  ").append(printable(error)).append('\n');
        }
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** Control characters as Java escapes (a line break as backslash-n): one figure, one line. */
    static String printable(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (Character.isISOControl(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
