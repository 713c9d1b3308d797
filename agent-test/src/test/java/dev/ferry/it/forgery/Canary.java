package dev.ferry.it.forgery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an attacker would like a forged stream to run: a class with no lambda whose static initializer and static
 * method leave a marker file in {@code -Dit.canary.dir}. The forgery IT asserts that neither marker ever appears.
 *
 * <p>Its name has as many characters as {@link Victim}'s, so that a stream can be patched in place.
 */
public final class Canary {

    public static final String DIRECTORY_PROPERTY = "it.canary.dir";
    public static final String INITIALIZED_MARKER = "clinit";
    public static final String BOOM_MARKER = "boom";

    static {
        leaveMarker(INITIALIZED_MARKER);
    }

    private Canary() {
    }

    public static void boom() {
        leaveMarker(BOOM_MARKER);
        System.out.println("CANARY boom ran");
    }

    private static void leaveMarker(String name) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            return;
        }
        try {
            Files.writeString(Path.of(directory, name), "ran");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
