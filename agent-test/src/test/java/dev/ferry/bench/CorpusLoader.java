package dev.ferry.bench;

/**
 * Loads (and initializes) corpus classes of one package through the application class loader and prints
 * {@code nanos=N}, the time the timed loop took. With {@code link}, also calls each class's {@code touch()}, which for
 * the lambda corpus links (and runs) its three lambda call sites.
 *
 * <pre>CorpusLoader PACKAGE COUNT load|link [WARMUP]</pre>
 *
 * <p>First, untimed, it loads the {@code WARMUP} classes numbered from {@code COUNT} on (printing
 * {@code warmupNanos=N}), so that one-time costs (an agent's first use of its class-file parser, the JIT) are not
 * counted per class; then, timed, classes {@code 0..COUNT-1}. {@link BenchSuite} runs it many times with and without
 * the agent; (difference of the means) / count is the cost per class. The class path must hold the corpus
 * ({@link ClassCorpus}) with at least {@code COUNT + WARMUP} classes.
 */
public final class CorpusLoader {

    private CorpusLoader() {
    }

    public static void main(String[] args) throws Exception {
        String pkg = args[0];
        int count = Integer.parseInt(args[1]);
        boolean link = "link".equals(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ClassLoader loader = CorpusLoader.class.getClassLoader();
        String[] warmupNames = new String[warmup];
        for (int i = 0; i < warmup; i++) {
            warmupNames[i] = ClassCorpus.className(pkg, count + i);
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = ClassCorpus.className(pkg, i);
        }
        long start = System.nanoTime();
        long sink = load(warmupNames, loader, link);
        long warmupNanos = System.nanoTime() - start;
        start = System.nanoTime();
        sink += load(names, loader, link);
        long nanos = System.nanoTime() - start;
        System.out.println("warmupNanos=" + warmupNanos);
        System.out.println("nanos=" + nanos);
        System.out.println("sink=" + sink);
    }

    private static long load(String[] names, ClassLoader loader, boolean link) throws Exception {
        long sink = 0;
        for (String name : names) {
            Class<?> c = Class.forName(name, true, loader);
            if (link) {
                sink += (Integer) c.getMethod("touch").invoke(null);
            } else {
                sink += c.getName().length();
            }
        }
        return sink;
    }
}
