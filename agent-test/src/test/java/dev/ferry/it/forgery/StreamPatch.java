package dev.ferry.it.forgery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Byte surgery on a serialization stream, as an attacker would do it: find a length-prefixed (writeUTF) name and
 * change it, or the call-site index and hash that follow the capturing class's name in a lambda recipe.
 */
final class StreamPatch {

    private static final int INDEX_AND_HASH = 2 + 4;

    private StreamPatch() {
    }

    /** Replaces the one writeUTF occurrence of {@code from} by {@code to}, a name of the same length. */
    static byte[] replaceName(byte[] stream, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length: " + from + ", " + to);
        }
        byte[] patched = stream.clone();
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        for (int at : occurrences(stream, from)) {
            System.arraycopy(replacement, 0, patched, at, replacement.length);
        }
        return patched;
    }

    /** Inverts the four bytes of the call-site signature hash that follow {@code capturingClass} and its index. */
    static byte[] flipHash(byte[] stream, String capturingClass) {
        byte[] patched = stream.clone();
        int hash = afterName(stream, capturingClass) + 2;
        for (int i = hash; i < hash + 4; i++) {
            patched[i] = (byte) ~patched[i];
        }
        return patched;
    }

    /** Gives {@code target}'s recipe the call-site index and hash of {@code source}'s recipe (same capturing class). */
    static byte[] copyCallSite(byte[] target, byte[] source, String capturingClass) {
        byte[] patched = target.clone();
        System.arraycopy(source, afterName(source, capturingClass), patched, afterName(target, capturingClass),
                INDEX_AND_HASH);
        return patched;
    }

    /** The stream up to the call-site hash: the captured values, and the rest of the stream, are missing. */
    static byte[] cutAfterCallSite(byte[] stream, String capturingClass) {
        return Arrays.copyOf(stream, afterName(stream, capturingClass) + INDEX_AND_HASH);
    }

    private static int afterName(byte[] stream, String name) {
        List<Integer> found = occurrences(stream, name);
        if (found.size() != 1) {
            throw new IllegalStateException("expected the recipe to name " + name + " once, found it "
                    + found.size() + " times");
        }
        int end = found.get(0) + name.getBytes(StandardCharsets.UTF_8).length;
        if (end + INDEX_AND_HASH > stream.length) {
            throw new IllegalStateException("the stream ends right after " + name);
        }
        return end;
    }

    /** Start offsets of the characters of every {@code writeUTF(name)} in the stream. */
    static List<Integer> occurrences(byte[] stream, String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        for (int at = 2; at + text.length <= stream.length; at++) {
            int length = ((stream[at - 2] & 0xff) << 8) | (stream[at - 1] & 0xff);
            if (length == text.length && matches(stream, at, text)) {
                found.add(at);
            }
        }
        return found;
    }

    private static boolean matches(byte[] stream, int at, byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (stream[at + i] != text[i]) {
                return false;
            }
        }
        return true;
    }
}
