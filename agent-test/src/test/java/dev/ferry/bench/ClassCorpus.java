package dev.ferry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates and compiles the classes the per-class cost measurement loads: {@code count} small classes without lambdas
 * (package {@value #PLAIN}) and {@code count} with three lambda call sites each (package {@value #LAMBDA}), named
 * {@code C00000...}; and, for the first reads of call sites ({@link FirstReads}), {@code count} classes with one
 * lambda each (package {@value #SITES}): {@code IntFunction<IntUnaryOperator>}s whose {@code apply(k)} returns
 * {@code x -> x * k + i}. They live outside {@code dev.ferry} so that Ferry's selection treats them as application
 * classes.
 *
 * <p>A class without lambdas still has an {@code invokedynamic} (string concatenation in {@code toString}), as most
 * classes compiled for Java 9+ do: Ferry must recognise it is not a lambda and leave the class alone.
 */
public final class ClassCorpus {

    public static final String PLAIN = "ferrybench.corpus.plain";
    public static final String LAMBDA = "ferrybench.corpus.lambda";
    public static final String SITES = "ferrybench.corpus.sites";
    private static final int TEMPLATE_VERSION = 2;

    private ClassCorpus() {
    }

    public static String className(String pkg, int i) {
        return pkg + String.format(Locale.ROOT, ".C%05d", i);
    }

    /** Generates and compiles the corpus into {@code dir/classes} unless a corpus of this size is already there. */
    public static Path ensure(Path dir, int count) throws IOException {
        Path classes = dir.resolve("classes");
        Path marker = dir.resolve("corpus.properties");
        String expected = "count=" + count + "\ntemplate=" + TEMPLATE_VERSION + "\njava=" + Runtime.version().feature()
                + "\n";
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
            return classes;
        }
        deleteTree(dir);
        Path sources = dir.resolve("src");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(write(sources, PLAIN, i, false));
            files.add(write(sources, LAMBDA, i, true));
            files.add(writeSite(sources, i));
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-encoding", "UTF-8");
            Boolean ok = javac.getTask(null, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException("compiling the class corpus failed");
            }
        }
        Files.writeString(marker, expected);
        return classes;
    }

    private static Path write(Path sources, String pkg, int i, boolean lambdas) throws IOException {
        String simple = String.format(Locale.ROOT, "C%05d", i);
        Path file = sources.resolve(pkg.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(pkg, simple, i, lambdas));
        return file;
    }

    private static Path writeSite(Path sources, int i) throws IOException {
        String simple = String.format(Locale.ROOT, "C%05d", i);
        Path file = sources.resolve(SITES.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package " + SITES + ";\n\n"
                + "public final class " + simple + " implements java.util.function.IntFunction<"
                + "java.util.function.IntUnaryOperator> {\n"
                + "    @Override\n"
                + "    public java.util.function.IntUnaryOperator apply(int k) {\n"
                + "        return x -> x * k + " + i + ";\n"
                + "    }\n"
                + "}\n");
        return file;
    }

    static String source(String pkg, String n, int i, boolean lambdas) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n");
        s.append("public final class ").append(n).append(" implements Comparable<").append(n).append("> {\n");
        s.append("    private final int id;\n    private final String name;\n    private long total;\n\n");
        s.append("    public ").append(n).append("(int id, String name) {\n")
                .append("        this.id = id;\n        this.name = name;\n    }\n\n");
        s.append("    public int id() {\n        return id;\n    }\n\n");
        s.append("    public String name() {\n        return name;\n    }\n\n");
        s.append("    public long add(int v) {\n        total += v * ").append(i + 1)
                .append("L;\n        return total;\n    }\n\n");
        s.append("    public int score(int[] xs) {\n        int s = 0;\n        for (int x : xs) {\n")
                .append("            s += (x ^ id) & 0xff;\n        }\n        return s;\n    }\n\n");
        s.append("    @Override\n    public int compareTo(").append(n).append(" o) {\n")
                .append("        return Integer.compare(id, o.id);\n    }\n\n");
        s.append("    @Override\n    public boolean equals(Object o) {\n")
                .append("        return o instanceof ").append(n).append(" && ((").append(n)
                .append(") o).id == id && ((").append(n).append(") o).name.equals(name);\n    }\n\n");
        s.append("    @Override\n    public int hashCode() {\n        return 31 * id + name.hashCode();\n    }\n\n");
        s.append("    @Override\n    public String toString() {\n        return \"").append(n)
                .append("[\" + id + \", \" + name + \"]\";\n    }\n\n");
        s.append("    public static int touch() {\n");
        s.append("        ").append(n).append(" c = new ").append(n).append("(").append(i).append(", \"c\");\n");
        if (lambdas) {
            s.append("        java.util.function.IntUnaryOperator f = x -> x * c.id + 1;\n");
            s.append("        java.util.function.Supplier<String> g = () -> c.name + f.applyAsInt(2);\n");
            s.append("        java.util.function.Function<").append(n).append(", String> h = ").append(n)
                    .append("::toString;\n");
            s.append("        return g.get().length() + h.apply(c).length();\n");
        } else {
            s.append("        return c.toString().length() + (int) c.add(2);\n");
        }
        s.append("    }\n}\n");
        return s.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** {@code ClassCorpus DIR COUNT}: generates and compiles the corpus, prints the class directory. */
    public static void main(String[] args) throws IOException {
        System.out.println(ensure(Path.of(args[0]), Integer.parseInt(args[1])));
    }
}
