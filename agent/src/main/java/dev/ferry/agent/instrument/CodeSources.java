package dev.ferry.agent.instrument;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Whether a class being defined sits in its own code source (the directory or jar its protection domain names): the
 * cheap way to see that its loader can return its class file by name, for the class path's classes, which are almost
 * all of them. Loaders share one protection domain per code source, so each directory or jar is looked at once; a
 * jar's index is then a hash lookup. Anything else (no code source, another URL scheme, a miss) is answered
 * "unknown", and the caller asks the loader itself.
 */
final class CodeSources {

    /** Weak keys: a protection domain refers to its loader, which must stay collectable. */
    private final Map<ProtectionDomain, Location> locations = new WeakHashMap<>();

    /**
     * True when the class file is in the domain's code source; false when that cannot be told cheaply. Only for the
     * JDK's application loader and plain {@code URLClassLoader}s, whose {@code getResource} searches exactly their
     * code sources; other loaders (which may define from a directory they do not serve) are asked themselves.
     */
    boolean contains(ClassLoader loader, ProtectionDomain domain, String classFile) {
        if (domain == null || !(loader == ClassLoader.getSystemClassLoader()
                || loader.getClass() == java.net.URLClassLoader.class)) {
            return false;
        }
        Location location;
        synchronized (locations) {
            location = locations.get(domain);
            if (location == null) {
                location = Location.of(domain.getCodeSource());
                locations.put(domain, location);
            }
        }
        return location.contains(classFile);
    }

    /** A code source as far as finding class files goes. */
    private abstract static class Location {
        static final Location UNKNOWN = new Location() {
            @Override
            boolean contains(String classFile) {
                return false;
            }
        };

        abstract boolean contains(String classFile);

        static Location of(CodeSource source) {
            URL url = source == null ? null : source.getLocation();
            if (url == null || !"file".equals(url.getProtocol())) {
                return UNKNOWN;
            }
            try {
                Path path = Path.of(url.toURI());
                if (Files.isDirectory(path)) {
                    return new Directory(path);
                }
                if (Files.isRegularFile(path)) {
                    return new Jar(new ZipFile(path.toFile()));
                }
            } catch (URISyntaxException | IOException | RuntimeException e) {
                // not a place Ferry can read: the loader is asked instead
            }
            return UNKNOWN;
        }
    }

    /**
     * A class-path directory; each package directory is listed once, at its first class, so that its other classes
     * cost a hash lookup instead of a file-system call. A file added later is a miss, which the loader then answers.
     */
    private static final class Directory extends Location {
        private final Path root;
        private final Map<String, Set<String>> packages = new ConcurrentHashMap<>();

        Directory(Path root) {
            this.root = root;
        }

        @Override
        boolean contains(String classFile) {
            int slash = classFile.lastIndexOf('/');
            String packagePath = slash < 0 ? "" : classFile.substring(0, slash);
            Set<String> files = packages.get(packagePath);
            if (files == null) {
                files = list(packagePath);
                packages.put(packagePath, files);
            }
            return files.contains(classFile.substring(slash + 1));
        }

        private Set<String> list(String packagePath) {
            Set<String> names = new HashSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(packagePath))) {
                for (Path entry : entries) {
                    names.add(entry.getFileName().toString());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: every class of the package is a miss, answered by the loader
            }
            return names;
        }
    }

    /** An open jar; closed by its cleaner once its protection domain is gone. */
    private static final class Jar extends Location {
        private final ZipFile zip;

        Jar(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        boolean contains(String classFile) {
            try {
                return zip.getEntry(classFile) != null;
            } catch (IllegalStateException closed) {
                return false;
            }
        }
    }
}
