package dev.ferry.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a reader program says of one stream file, for the IT that parses it: {@code REFUSED <exception chain>} when
 * reading fails, {@code ACCEPTED <what using it gave>} when it is read and used, and {@code ACCEPTED then failed when
 * used: <exception chain>} when it is read but fails in use.
 */
public final class ReadVerdict {

    /** Uses an object read back and says what it did. */
    public interface Use {
        String use(Object read) throws Exception;
    }

    private ReadVerdict() {
    }

    public static String of(Path file, Use use) {
        Object read;
        try {
            read = Streams.readOne(Files.readAllBytes(file));
        } catch (Throwable refused) {
            return "REFUSED " + Failures.describeChain(refused);
        }
        try {
            return "ACCEPTED " + use.use(read);
        } catch (Throwable failure) {
            return "ACCEPTED then failed when used: " + Failures.describeChain(failure);
        }
    }
}
