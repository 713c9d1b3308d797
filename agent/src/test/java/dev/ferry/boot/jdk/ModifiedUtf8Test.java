package dev.ferry.boot.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ferry's encoder writes exactly what {@link DataOutputStream#writeUTF} writes, fast path or not. */
class ModifiedUtf8Test {

    @Test
    void every_kind_of_text_should_be_written_as_write_utf_writes_it() throws IOException {
        List<String> texts = List.of("", "a", "java/lang/invoke/LambdaMetafactory", "(ILjava/lang/String;)V",
                "lambda$main$0", "a\0b", "\0", "?", "what?", "Café", "⛴ ferry", "\uD83D\uDEA2 ship",
                "lone \uD83D surrogate", "lone \uDEA2 low", "?\uD83D?", "\u007F\u0080\u07FF\u0800\uFFFF");
        for (String text : texts) {
            assertArrayEquals(writeUtf(text), write(text), text);
        }
    }

    @Test
    void text_over_65535_encoded_bytes_should_be_refused_as_write_utf_refuses_it() {
        String tooLong = "é".repeat(40_000);
        assertThrows(UTFDataFormatException.class, () -> writeUtf(tooLong));
        assertThrows(UTFDataFormatException.class, () -> write(tooLong));
    }

    private static byte[] writeUtf(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(text);
        }
        return bytes.toByteArray();
    }

    private static byte[] write(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ModifiedUtf8.write(out, text);
        }
        return bytes.toByteArray();
    }
}
