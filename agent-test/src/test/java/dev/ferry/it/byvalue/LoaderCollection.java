package dev.ferry.it.byvalue;

import dev.ferry.it.support.Streams;
import java.io.File;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading a stream must not pin the reading code's class loader: an {@link UnloadingTask} loaded by a
 * {@code URLClassLoader} reads a stream, everything is dropped but weak references to that loader and to the read
 * object's class, and {@code System.gc()} runs until both are cleared or {@value #SECONDS} seconds passed.
 *
 * <p>The control reads a class-path object (no registry involved): if it fails, the leak is not the registry's.
 */
final class LoaderCollection {

    static final String CONTROL = "url_class_loader_is_collected_after_it_read_a_class_path_object";
    static final String CHECK = "registry_does_not_keep_the_loader_of_a_generated_class_or_its_reader_alive";

    private static final String FILE = "collectable.ser";
    private static final String FIXED = "collectable";
    private static final long SECONDS = 30;

    private LoaderCollection() {
    }

    static void write(Path directory) throws Exception {
        Files.write(directory.resolve(FILE),
                Streams.write(ByteBuddyGenerators.fixedValue(Loading.WRAPPER, FIXED, "collectable")));
    }

    static String checkControl() throws Exception {
        return readAndAwaitCollection(Streams.write(new Base("control")), "base(control)");
    }

    static String check(Path directory) throws Exception {
        return readAndAwaitCollection(Files.readAllBytes(directory.resolve(FILE)), FIXED);
    }

    private record Outcome(WeakReference<ClassLoader> loader, WeakReference<Class<?>> type, String described,
            boolean readAsTheTaskLoadersBase, String typeLoader) {
    }

    private static String readAndAwaitCollection(byte[] stream, String expected) throws Exception {
        Outcome outcome = readInALoaderOfItsOwn(stream);
        System.out.println("COLLECTABLE class loaded by " + outcome.typeLoader());
        if (!outcome.described().equals(expected)) {
            return "describe() gave " + outcome.described() + ", expected " + expected;
        }
        if (!outcome.readAsTheTaskLoadersBase()) {
            return "Base did not come from the task's own loader: the check would prove nothing";
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        int collections = 0;
        while (outcome.loader().get() != null || outcome.type().get() != null) {
            if (System.nanoTime() > deadline) {
                return "after " + collections + " System.gc() in " + SECONDS + " s still reachable:"
                        + (outcome.loader().get() != null ? " the task's URLClassLoader" : "")
                        + (outcome.type().get() != null ? " the read object's class" : "");
            }
            System.gc();
            collections++;
        }
        return null;
    }

    /** Everything strong stays in this frame, which is gone when it returns. */
    @SuppressWarnings("unchecked")
    private static Outcome readInALoaderOfItsOwn(byte[] stream) throws Exception {
        URLClassLoader loader = new URLClassLoader("collectable", classPath(), ClassLoader.getPlatformClassLoader());
        Function<byte[], Object[]> task = (Function<byte[], Object[]>) loader.loadClass(UnloadingTask.class.getName())
                .getConstructor().newInstance();
        Object[] result = task.apply(stream);
        loader.close();
        return new Outcome(new WeakReference<>(loader), (WeakReference<Class<?>>) result[1], (String) result[0],
                (Boolean) result[2], (String) result[3]);
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }
}
