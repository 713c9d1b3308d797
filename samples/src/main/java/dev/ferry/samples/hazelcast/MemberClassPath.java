package dev.ferry.samples.hazelcast;

import com.hazelcast.core.Hazelcast;
import dev.ferry.samples.specialized.library.TypedModels;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
 * The class path of a member: Hazelcast's jar and a generator library, the models library of the specialization demo
 * (which makes {@code Box<Integer>} there) with Byte Buddy, and nothing of the client.
 *
 * <p>The library is compiled into the same directory as this demo's client, so its package and its
 * {@code META-INF/services} entry are copied into a directory of their own: a member that found the client's classes
 * on its class path would prove nothing.
 */
final class MemberClassPath {

    /** The library's package and the file through which Ferry finds its generator. */
    private static final List<String> LIBRARY_ENTRIES = List.of(
            TypedModels.class.getPackageName().replace('.', '/') + "/",
            "META-INF/services/dev.ferry.api.SpecializationGenerator");

    private MemberClassPath() {
    }

    /** Copies the library into {@code directory} and returns the members' class path. */
    static String build(Path directory) throws IOException {
        Path library = Files.createDirectories(directory);
        Path source = locationOf(TypedModels.class);
        if (Files.isDirectory(source)) {
            copyFromDirectory(source, library);
        } else {
            copyFromJar(source, library);
        }
        return Stream.of(locationOf(Hazelcast.class), locationOf(ByteBuddy.class), library).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The file names of the class path's entries, for the demo's description of the members. */
    static String describe(String classPath) {
        return Stream.of(classPath.split(File.pathSeparator)).map(entry -> Path.of(entry).getFileName().toString())
                .collect(Collectors.joining(", "));
    }

    private static void copyFromDirectory(Path classes, Path library) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (wanted(entry)) {
                    Path copy = library.resolve(entry);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void copyFromJar(Path jar, Path library) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                if (!entry.isDirectory() && wanted(entry.getName())) {
                    Path copy = library.resolve(entry.getName());
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
            }
        }
    }

    private static boolean wanted(String entry) {
        return LIBRARY_ENTRIES.stream().anyMatch(entry::startsWith);
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the class path entry of " + type.getName(), e);
        }
    }
}
