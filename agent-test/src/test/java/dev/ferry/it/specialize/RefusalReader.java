package dev.ferry.it.specialize;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.ReadVerdict;
import java.nio.file.Path;
import java.util.Map;

/**
 * Forked reader JVM, with Ferry, no key, and the generators turned against some streams by
 * {@link LibraryGenerator}'s properties: {@code RefusalReader <directory>} reads each of
 * {@link RefusalWriter#STREAMS}, printing {@code RESULT <stream> <verdict>} ({@link ReadVerdict}) and
 * {@code REASONS <stream> <refusals by reason it added>}; then {@code GENERATIONS <count>}, the classes the
 * libraries made meanwhile; then, as controls, registers the explicit generator and reads the unknown generator's
 * stream again ({@value #ONCE_REGISTERED}) and the control stream; then the counters.
 */
public final class RefusalReader {

    static final String ONCE_REGISTERED = "unknown-generator-once-registered";

    private RefusalReader() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        for (String stream : RefusalWriter.STREAMS) {
            Map<String, Long> before = RefusalReasons.snapshot();
            read(stream, RefusalWriter.file(directory, stream));
            System.out.println("REASONS " + stream + " " + RefusalReasons.since(before));
        }
        System.out.println("GENERATIONS " + TemplateSpecializer.allGenerations());
        CratesGenerator.register();
        read(ONCE_REGISTERED, RefusalWriter.file(directory, RefusalWriter.UNKNOWN_GENERATOR));
        read(RefusalWriter.CONTROL, RefusalWriter.file(directory, RefusalWriter.CONTROL));
        System.out.println(FerryCounters.line());
    }

    static void read(String name, Path file) {
        System.out.println("RESULT " + name + " " + ReadVerdict.of(file, Descriptions::of));
    }
}
