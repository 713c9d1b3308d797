package dev.ferry.boot.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntegrityKeyTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void key_shorter_than_32_bytes_should_be_refused() {
        assertThrows(IllegalArgumentException.class, () -> IntegrityKey.of(Arrays.copyOf(KEY, 31)));
    }

    @Test
    void tag_should_verify_only_the_same_parts_under_the_same_key() {
        IntegrityKey key = IntegrityKey.of(KEY);
        byte[] bytes = {1, 2, 3, 4};
        byte[] tag = key.tag("domain", bytes, new byte[] {9});

        assertTrue(key.verifies(tag, "domain", bytes, new byte[] {9}));
        assertFalse(key.verifies(tag, "domain", new byte[] {1, 2, 3, 5}, new byte[] {9}));
        assertFalse(key.verifies(tag, "other", bytes, new byte[] {9}));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertFalse(IntegrityKey.of(otherKey).verifies(tag, "domain", bytes, new byte[] {9}));
    }

    @Test
    void parts_should_be_framed_so_that_moving_a_boundary_changes_the_tag() {
        IntegrityKey key = IntegrityKey.of(KEY);
        byte[] tag = key.tag("d", new byte[] {1, 2}, new byte[] {3});

        assertFalse(key.verifies(tag, "d", new byte[] {1}, new byte[] {2, 3}));
    }

    @Test
    void key_should_never_be_printed() {
        assertFalse(IntegrityKey.of(KEY).toString().contains("0123"));
    }
}
