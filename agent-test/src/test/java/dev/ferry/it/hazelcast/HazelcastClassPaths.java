package dev.ferry.it.hazelcast;

import com.hazelcast.core.Hazelcast;
import dev.ferry.it.ItSettings;
import dev.ferry.samples.specialized.library.TypedModels;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.bytebuddy.ByteBuddy;

/**
 * The class paths of a test cluster's JVMs. A member's holds Hazelcast, the packages a deployment puts on every member
 * ({@code hazelcast.member}: its main; {@code hazelcast.shared}: application code deployed on both sides), and a
 * generator library (the samples' models library, with Byte Buddy), copied into a directory of their own: nothing of
 * {@code hazelcast.client}, the code only the client has. The client's holds everything.
 */
final class HazelcastClassPaths {

    private static final String HAZELCAST_TESTS = "dev/ferry/it/hazelcast/";
    private static final List<String> MEMBER_TEST_PACKAGES = List.of(HAZELCAST_TESTS + "member/",
            HAZELCAST_TESTS + "shared/");
    private static final List<String> LIBRARY_ENTRIES = List.of(
            TypedModels.class.getPackageName().replace('.', '/') + "/",
            "META-INF/services/dev.ferry.api.SpecializationGenerator");

    private HazelcastClassPaths() {
    }

    /** Copies the member-side packages into {@code directory} and returns a member's class path. */
    static String member(Path directory) {
        try {
            Files.createDirectories(directory);
            copy(ItSettings.testClasses(), MEMBER_TEST_PACKAGES, directory);
            copy(locationOf(TypedModels.class), LIBRARY_ENTRIES, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the members' class path in " + directory, e);
        }
        return join(directory, locationOf(Hazelcast.class), locationOf(ByteBuddy.class));
    }

    /** The client's class path: the test classes and generator libraries of every forked JVM, Hazelcast, samples. */
    static String client() {
        return ItSettings.forkedClassPath() + File.pathSeparator + join(locationOf(Hazelcast.class),
                locationOf(TypedModels.class));
    }

    private static String join(Path... entries) {
        return Stream.of(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Copies the entries of a class directory or jar that start with one of {@code prefixes}. */
    private static void copy(Path source, List<String> prefixes, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    String entry = source.relativize(file).toString().replace(File.separatorChar, '/');
                    if (prefixes.stream().anyMatch(entry::startsWith)) {
                        Path copy = target.resolve(entry);
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                    }
                }
            }
            return;
        }
        try (ZipFile jar = new ZipFile(source.toFile())) {
            for (ZipEntry entry : jar.stream().collect(Collectors.toList())) {
                if (!entry.isDirectory() && prefixes.stream().anyMatch(entry.getName()::startsWith)) {
                    Path copy = target.resolve(entry.getName());
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
            }
        }
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the class path entry of " + type.getName(), e);
        }
    }
}
