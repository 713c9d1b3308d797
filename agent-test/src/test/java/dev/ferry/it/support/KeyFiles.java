package dev.ferry.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Key files for {@code keyFile=}: raw random bytes, as an operator would make them with {@code head -c 32}. */
public final class KeyFiles {

    /** The shortest key Ferry accepts. */
    public static final int MINIMUM_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    public static Path random(Path file, int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        try {
            return Files.write(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the key file " + file, e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
