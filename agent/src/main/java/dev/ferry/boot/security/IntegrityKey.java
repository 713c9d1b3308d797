package dev.ferry.boot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key shared by writer and reader: HMAC-SHA256 tags over everything a class-by-value recipe makes the reader
 * define and run. The key never leaves this object: {@link #toString()} does not show it, and no message names it.
 */
public final class IntegrityKey {

    /** The shortest key accepted, in bytes: the HMAC-SHA256 output size (RFC 2104 recommends no less). */
    static final int MINIMUM_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>() {
        @Override
        protected Mac initialValue() {
            return newMac();
        }
    };

    private IntegrityKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param key the key's bytes (the start-up code reads them from {@code keyFile} and checks the length with a
     *     message for the user); copied
     * @throws IllegalArgumentException when the key is shorter than {@link #MINIMUM_LENGTH}
     */
    public static IntegrityKey of(byte[] key) {
        if (key.length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("a key needs at least " + MINIMUM_LENGTH + " bytes");
        }
        return new IntegrityKey(key.clone());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** A tag over the parts, each framed by its length so that no two different part lists give one input. */
    public byte[] tag(String domain, byte[]... parts) {
        Mac mac = macs.get();
        mac.reset();
        update(mac, domain.getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            update(mac, part);
        }
        return mac.doFinal();
    }

    private static void update(Mac mac, byte[] part) {
        int length = part.length;
        mac.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        mac.update(part);
    }

    /** Whether {@code tag} is this key's tag over the parts; compares in constant time. */
    public boolean verifies(byte[] tag, String domain, byte[]... parts) {
        return tag != null && MessageDigest.isEqual(tag, tag(domain, parts));
    }

    @Override
    public String toString() {
        return "IntegrityKey[" + ALGORITHM + ", redacted]";
    }
}
