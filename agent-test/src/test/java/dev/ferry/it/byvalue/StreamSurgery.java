package dev.ferry.it.byvalue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte surgery on a serialization stream, as an attacker (or a bad network) would do it: one bit flipped inside a
 * class file the stream carries, or inside a string of the state it carries. Each flip keeps the bytes well-formed
 * (an ASCII digit becomes another digit), so only an integrity check can notice.
 */
final class StreamSurgery {

    private static final byte[] CLASS_FILE_MAGIC = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

    private StreamSurgery() {
    }

    /**
     * Flips the lowest bit of the last character of {@code constant}, a string in the constant pool of a class file
     * carried raw in the stream (after a {@code CAFEBABE} magic).
     */
    static byte[] flipInClassFile(byte[] stream, String constant) {
        List<Integer> magics = occurrences(stream, CLASS_FILE_MAGIC, 0);
        if (magics.isEmpty()) {
            throw new IllegalStateException("the stream carries no class file (no CAFEBABE magic): the class was not"
                    + " written by value, or not as raw class bytes");
        }
        List<Integer> found = occurrences(stream, ascii(constant), magics.get(0));
        if (found.isEmpty()) {
            throw new IllegalStateException("no class file in the stream contains the constant " + constant);
        }
        return flipLastCharacter(stream, found, constant);
    }

    /** Flips the lowest bit of the last character of every occurrence of {@code text} (at least one). */
    static byte[] flipEverywhere(byte[] stream, String text) {
        List<Integer> found = occurrences(stream, ascii(text), 0);
        if (found.isEmpty()) {
            throw new IllegalStateException("the stream does not contain " + text);
        }
        return flipLastCharacter(stream, found, text);
    }

    static boolean contains(byte[] stream, byte[] bytes) {
        return !occurrences(stream, bytes, 0).isEmpty();
    }

    static boolean containsClassFile(byte[] stream) {
        return contains(stream, CLASS_FILE_MAGIC);
    }

    private static byte[] flipLastCharacter(byte[] stream, List<Integer> starts, String text) {
        byte[] patched = stream.clone();
        for (int start : starts) {
            patched[start + text.length() - 1] ^= 1;
        }
        return patched;
    }

    private static List<Integer> occurrences(byte[] stream, byte[] wanted, int from) {
        List<Integer> found = new ArrayList<>();
        for (int at = from; at + wanted.length <= stream.length; at++) {
            if (matches(stream, at, wanted)) {
                found.add(at);
            }
        }
        return found;
    }

    private static boolean matches(byte[] stream, int at, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (stream[at + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
