package dev.ferry.it.support;

/**
 * One-line descriptions of failures, so that a forked program's stdout stays one fact per line for the IT that reads
 * it. Non-ASCII and line breaks are escaped: the two JDKs encode stdout differently.
 */
public final class Failures {

    private Failures() {
    }

    /** {@code java.io.InvalidObjectException: message}. */
    public static String describe(Throwable failure) {
        return oneLine(failure.getClass().getName() + ": " + failure.getMessage());
    }

    /** The failure and each of its causes: {@code A: m1 <- caused by B: m2}. */
    public static String describeChain(Throwable failure) {
        StringBuilder text = new StringBuilder(describe(failure));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            text.append(" <- caused by ").append(describe(cause));
        }
        return text.toString();
    }

    public static String oneLine(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c < 0x20 || c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
