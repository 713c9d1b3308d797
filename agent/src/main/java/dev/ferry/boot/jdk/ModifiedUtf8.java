package dev.ferry.boot.jdk;

import java.io.DataOutput;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * The JDK's modified UTF-8, as class files hold strings and {@link DataOutput#writeUTF} writes them. Ferry encodes
 * names and descriptors with it for every class it prepares, while that code still runs in the interpreter, so the
 * common case (ASCII without NUL, every class and member name javac makes) takes the JDK's bulk encoder instead of a
 * loop over the characters.
 */
public final class ModifiedUtf8 {

    private ModifiedUtf8() {
    }

    /** The encoding of {@code text}, without the length that precedes it in a class file or a stream. */
    public static byte[] encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == text.length() && plainAscii(utf8, text)) {
            return utf8; // one byte per character: standard and modified UTF-8 agree
        }
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        byte[] encoded = new byte[length];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != 0 && c < 0x80) {
                encoded[at++] = (byte) c;
            } else if (c < 0x800) {
                encoded[at++] = (byte) (0xC0 | c >> 6);
                encoded[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                encoded[at++] = (byte) (0xE0 | c >> 12);
                encoded[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                encoded[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return encoded;
    }

    /** Writes {@code text} exactly as {@link DataOutput#writeUTF} does. */
    public static void write(DataOutput out, String text) throws IOException {
        byte[] encoded = encode(text);
        if (encoded.length > 0xFFFF) {
            throw new UTFDataFormatException("encoded string too long: " + encoded.length + " bytes");
        }
        out.writeShort(encoded.length);
        out.write(encoded);
    }

    /**
     * Whether the UTF-8 bytes of a text of as many characters hold neither NUL (two bytes in modified UTF-8) nor a
     * lone surrogate the encoder replaced by '?'.
     */
    private static boolean plainAscii(byte[] utf8, String text) {
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == 0 || b == '?' && text.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }
}
