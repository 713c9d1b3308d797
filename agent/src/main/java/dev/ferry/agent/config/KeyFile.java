package dev.ferry.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the {@code keyFile} option's key at start-up. One rule for every bad key, as for every invalid option: a
 * missing, unreadable or short key file is refused, and Ferry is not installed (it fails closed: nothing is shipped or
 * accepted by value, and nothing half works).
 */
public final class KeyFile {

    /** The shortest key accepted, in bytes (the HMAC-SHA256 output size). */
    public static final int MINIMUM_LENGTH = 32;

    private KeyFile() {
    }

    /**
     * @return the key's bytes
     * @throws IllegalArgumentException naming the option and the file, never the key, when the file cannot be read
     *     or holds fewer than {@link #MINIMUM_LENGTH} bytes
     */
    public static byte[] read(String path) {
        String option = Option.KEY_FILE.optionName();
        byte[] key;
        try {
            key = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("option '" + option + "': cannot read the key file " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (key.length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("option '" + option + "': the key file " + path + " has " + key.length
                    + " bytes; a key needs at least " + MINIMUM_LENGTH
                    + " (make one with: head -c 32 /dev/urandom > ferry.key)");
        }
        return key;
    }
}
