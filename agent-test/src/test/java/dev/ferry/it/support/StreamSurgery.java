package dev.ferry.it.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Byte surgery on a serialization stream, as an attacker (or a bad network) would do it: a name replaced by another
 * of the same length, a bit flipped inside a class file or a string the stream carries, the call site a Ferry lambda's
 * annotation names changed, the stream cut short. Each edit keeps the stream's structure well-formed, so that only
 * Ferry's checks (or the integrity key) can notice.
 */
public final class StreamSurgery {

    private static final byte[] CLASS_FILE_MAGIC = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
    /** Ferry's marker, the annotation format (3) and the kind of a lambda whose capturing class travels by name. */
    private static final byte[] LAMBDA_HEAD = {(byte) 0xF5, 'F', 'R', 'Y', 3, 1};
    /** The signature hash follows the head and the array dimensions. */
    private static final int HASH = LAMBDA_HEAD.length + 1;

    private StreamSurgery() {
    }

    /** Replaces every modified-UTF-8 occurrence of {@code from} by {@code to}, which has the same length. */
    public static byte[] replaceName(byte[] stream, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length: " + from + ", " + to);
        }
        List<Integer> found = occurrences(stream, ascii(from), 0);
        if (found.isEmpty()) {
            throw new IllegalStateException("the stream does not contain " + from);
        }
        byte[] patched = stream.clone();
        for (int at : found) {
            System.arraycopy(ascii(to), 0, patched, at, to.length());
        }
        return patched;
    }

    /** Inverts the signature hash of the first Ferry lambda annotation. */
    public static byte[] flipLambdaHash(byte[] stream) {
        byte[] patched = stream.clone();
        int hash = firstLambdaHead(stream) + HASH;
        for (int i = hash; i < hash + 4; i++) {
            patched[i] = (byte) ~patched[i];
        }
        return patched;
    }

    /**
     * Gives the first Ferry lambda annotation of {@code target} the call site's signature hash of the first one of
     * {@code source}; the caller renames the wire class (whose name holds the index) to match.
     */
    public static byte[] copyLambdaCallSite(byte[] target, byte[] source) {
        byte[] patched = target.clone();
        System.arraycopy(source, firstLambdaHead(source) + HASH, patched, firstLambdaHead(target) + HASH, 4);
        return patched;
    }

    /** The first Ferry lambda annotation's head and hash, which a forger can copy onto another descriptor. */
    public static byte[] lambdaCallSite(byte[] stream) {
        int head = firstLambdaHead(stream);
        return Arrays.copyOfRange(stream, head, head + HASH + 4);
    }

    /**
     * Copies the {@code serialVersionUID} of the class descriptor named {@code name} in {@code source} to the one of
     * that name in {@code target}.
     */
    public static byte[] copySerialVersionUid(byte[] target, byte[] source, String name) {
        byte[] patched = target.clone();
        int from = occurrences(source, ascii(name), 0).get(0) + name.length();
        int to = occurrences(target, ascii(name), 0).get(0) + name.length();
        System.arraycopy(source, from, patched, to, 8);
        return patched;
    }

    /** The stream up to and including the first Ferry lambda annotation's head and hash: the rest is missing. */
    public static byte[] cutAfterLambdaCallSite(byte[] stream) {
        return Arrays.copyOf(stream, firstLambdaHead(stream) + HASH + 4);
    }

    /**
     * Flips the lowest bit of the last character of {@code constant}, a string in the constant pool of a class file
     * carried raw in the stream (after a {@code CAFEBABE} magic).
     */
    public static byte[] flipInClassFile(byte[] stream, String constant) {
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
    public static byte[] flipEverywhere(byte[] stream, String text) {
        List<Integer> found = occurrences(stream, ascii(text), 0);
        if (found.isEmpty()) {
            throw new IllegalStateException("the stream does not contain " + text);
        }
        return flipLastCharacter(stream, found, text);
    }

    public static boolean contains(byte[] stream, byte[] bytes) {
        return !occurrences(stream, bytes, 0).isEmpty();
    }

    public static boolean containsClassFile(byte[] stream) {
        return contains(stream, CLASS_FILE_MAGIC);
    }

    private static int firstLambdaHead(byte[] stream) {
        List<Integer> heads = occurrences(stream, LAMBDA_HEAD, 0);
        if (heads.isEmpty()) {
            throw new IllegalStateException("the stream holds no Ferry lambda annotation");
        }
        return heads.get(0);
    }

    private static byte[] flipLastCharacter(byte[] stream, List<Integer> starts, String text) {
        byte[] patched = stream.clone();
        for (int start : starts) {
            patched[start + text.length() - 1] ^= 1;
        }
        return patched;
    }

    /** Where {@code wanted} first occurs in {@code stream} at or after {@code from}; -1 when nowhere, or from < 0. */
    public static int indexOf(byte[] stream, byte[] wanted, int from) {
        if (from < 0) {
            return -1;
        }
        for (int at = from; at + wanted.length <= stream.length; at++) {
            if (matches(stream, at, wanted)) {
                return at;
            }
        }
        return -1;
    }

    private static List<Integer> occurrences(byte[] stream, byte[] wanted, int from) {
        List<Integer> found = new ArrayList<>();
        for (int at = indexOf(stream, wanted, from); at >= 0; at = indexOf(stream, wanted, at + 1)) {
            found.add(at);
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
