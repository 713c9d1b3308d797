package dev.ferry.agent.install;

import dev.ferry.boot.jdk.JdkInternals;

/**
 * Whether this JVM records a class-data archive: a JDK 25 AOT cache ({@code -XX:AOTCacheOutput},
 * {@code -XX:AOTMode=record|create}) or a CDS archive ({@code -XX:ArchiveClassesAtExit}, {@code -Xshare:dump}).
 * In such a training run the JVM archives classes with their lambda call sites already linked, and a class redefined
 * by an agent as it is (docs/performance.md, "Start-up for many JVMs"); Ferry then installs so that neither happens to
 * the classes it depends on ({@link TransformerInstallation}).
 */
final class ArchiveTraining {

    private ArchiveTraining() {
    }

    /** From the JVM's own arguments, {@code JAVA_TOOL_OPTIONS} included. */
    static boolean isRecording() {
        for (String argument : JdkInternals.runtimeArguments()) {
            if (argument.startsWith("-XX:AOTCacheOutput=") || argument.equals("-XX:AOTMode=record")
                    || argument.equals("-XX:AOTMode=create") || argument.startsWith("-XX:ArchiveClassesAtExit=")
                    || argument.equals("-Xshare:dump")) {
                return true;
            }
        }
        return false;
    }
}
