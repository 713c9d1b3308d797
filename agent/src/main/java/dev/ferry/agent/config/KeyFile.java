package dev.ferry.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the {@code keyFile} option's key at start-up; a missing, unreadable or short key stops Ferry installing. */
public final class KeyFile {

    /** The shortest key accepted, in bytes (the HMAC-SHA256 output size). */
    public static final int MINIMUM_LENGTH = 32;

    private KeyFile() {
    }

    /** The key file exists in the options but cannot be read: Ferry installs, and refuses every class recipe. */
    public static final class UnreadableKeyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnreadableKeyException(String message) {
            super(message);
        }
    }

    /**
     * @return the key's bytes
     * @throws UnreadableKeyException when the file cannot be read (security options fail closed)
     * @throws IllegalArgumentException when the key is too short (an invalid value); both name the option and the
     *     file, never the key
     */
    public static byte[] read(String path) {
        byte[] key;
        try {
            key = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableKeyException("option '" + AgentOptions.KEY_FILE + "': cannot read the key file "
                    + path + " (" + e.getClass().getSimpleName() + ")");
        }
        if (key.length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("option '" + AgentOptions.KEY_FILE + "': the key file " + path + " has "
                    + key.length + " bytes; a key needs at least " + MINIMUM_LENGTH
                    + " (make one with: head -c 32 /dev/urandom > ferry.key)");
        }
        return key;
    }
}
