package dev.ferry.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two JDKs Ferry supports; their homes come from the build (Maven properties {@code jdk17.home} and
 * {@code jdk25.home}, passed to the tests as {@code it.jdk17.home} and {@code it.jdk25.home}).
 */
public enum Jdk {
    JDK17(17, "it.jdk17.home"),
    JDK25(25, "it.jdk25.home");

    private final int feature;
    private final String homeProperty;

    Jdk(int feature, String homeProperty) {
        this.feature = feature;
        this.homeProperty = homeProperty;
    }

    public int feature() {
        return feature;
    }

    public Path home() {
        return ItSettings.directory(homeProperty);
    }

    public Path javaLauncher() {
        Path java = home().resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("no java launcher at " + java + " (set -D"
                    + homeProperty.substring("it.".length()) + " on Maven's command line)");
        }
        return java;
    }

    /**
     * The JDK that runs this build, for tests that fork a single JVM kind: CI runs the suite once on each JDK, so such
     * tests still meet both. Any other build JDK falls back to 17, the oldest supported one.
     */
    public static Jdk ofThisBuild() {
        return Runtime.version().feature() >= JDK25.feature ? JDK25 : JDK17;
    }

    @Override
    public String toString() {
        return "JDK " + feature;
    }
}
