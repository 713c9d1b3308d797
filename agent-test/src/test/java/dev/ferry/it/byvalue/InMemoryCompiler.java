package dev.ferry.it.byvalue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with {@code javax.tools} (no file is written) and defines the classes in a
 * class loader of its own, which finds them by name but has no resource for them: generated classes, for Ferry.
 * Java 17 class files, so that a JDK 25 writer's classes can be defined by a JDK 17 reader.
 */
final class InMemoryCompiler {

    private InMemoryCompiler() {
    }

    /** Compiles the sources (class name to source) and returns the loader that defines them. */
    static ClassLoader compile(Map<String, String> sources) {
        Map<String, byte[]> classFiles = classFiles(sources);
        return new InMemoryClassLoader(classFiles, Rule.class.getClassLoader());
    }

    /** The class files javac makes of the sources, by class name (nested and lambda-free helper classes included). */
    static Map<String, byte[]> classFiles(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        Map<String, ByteArrayOutputStream> outputs = new ConcurrentHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        outputs.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(source -> (JavaFileObject) new SourceString(source.getKey(), source.getValue())).toList();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath",
                System.getProperty("java.class.path"));
        if (!javac.getTask(diagnostics, inMemory, null, options, null, units).call()) {
            throw new IllegalStateException("javac refused the sources:\n" + diagnostics);
        }
        Map<String, byte[]> classFiles = new ConcurrentHashMap<>();
        outputs.forEach((name, bytes) -> classFiles.put(name, bytes.toByteArray()));
        return classFiles;
    }

    private static final class SourceString extends SimpleJavaFileObject {

        private final String source;

        SourceString(String className, String source) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }

    /** Defines the compiled classes on demand; {@code getResource} finds none of them, as for any generated class. */
    private static final class InMemoryClassLoader extends ClassLoader {

        private final Map<String, byte[]> classFiles;

        InMemoryClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
            super("in-memory-javac", parent);
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return GeneratedClasses.remember(defineClass(name, bytes, 0, bytes.length));
        }
    }
}
