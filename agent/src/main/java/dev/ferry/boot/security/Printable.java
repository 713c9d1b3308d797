package dev.ferry.boot.security;

/** Text from a stream, made safe to put in a message or a log: control and non-ASCII characters escaped, length capped. */
public final class Printable {

    private static final int MAX_LENGTH = 300;

    private Printable() {
    }

    /** A class name from a stream ({@code com/acme/Main} or {@code com.acme.Main}), dotted and escaped. */
    public static String className(String untrusted) {
        return of(untrusted == null ? null : untrusted.replace('/', '.'));
    }

    public static String of(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(untrusted.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < untrusted.length(); i++) {
            if (safe.length() >= MAX_LENGTH) {
                return safe.append("...(").append(untrusted.length()).append(" chars)").toString();
            }
            char c = untrusted.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                safe.append(c);
            } else {
                safe.append(String.format("\\u%04x", (int) c));
            }
        }
        return safe.toString();
    }
}
