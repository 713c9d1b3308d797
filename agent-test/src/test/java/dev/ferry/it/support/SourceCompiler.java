package dev.ferry.it.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources at test time into a class-path directory ({@code javax.tools}, Java 17 class files, for both
 * JDKs): for classes a test must keep off the forked JVMs' usual class path, or give in another version.
 */
public final class SourceCompiler {

    private SourceCompiler() {
    }

    /**
     * Compiles {@code sources} (binary class name to source) into {@code directory}, which may already hold classes the
     * sources use.
     *
     * @return {@code directory}
     * @throws IllegalStateException when javac refuses them or there is no system compiler
     */
    public static Path compileInto(Map<String, String> sources, Path directory) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the build on a JDK");
        }
        try {
            Path sourceRoot = Files.createTempDirectory("ferry-sources");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, source.getValue(), StandardCharsets.UTF_8));
            }
            Files.createDirectories(directory);
            StringWriter diagnostics = new StringWriter();
            boolean compiled;
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null,
                    StandardCharsets.UTF_8)) {
                compiled = javac.getTask(diagnostics, fileManager, null, List.of("--release", "17", "-proc:none",
                        "-classpath", directory.toString(), "-d", directory.toString()), null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
            }
            deleteTree(sourceRoot);
            if (!compiled) {
                throw new IllegalStateException("javac refused " + sources.keySet() + ":\n" + diagnostics);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(path);
            }
        }
    }
}
