package dev.ferry.it.specialize;

import dev.ferry.it.support.Verdicts;
import dev.ferry.it.support.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixtures, proven sound in ONE JVM without Ferry (only its API on the boot class path, for {@code Types}): every
 * scenario is written and read back in the same JVM, the stream resolving the classes this JVM generated, and passes
 * its identity check and probes the same; the racy cache really races when nothing serializes its callers; the
 * generators describe only their own classes and honour the refusal properties. A specialization IT that fails is
 * then Ferry's failure, not a fixture's. Prints {@code PASS}/{@code FAIL} lines.
 */
public final class SpecializationFixtureSelfCheck {

    static final String RACY_CACHE_RACES = "racy_cache_should_make_a_class_more_than_once_when_callers_race";
    static final String GENERATORS = "generators_should_describe_only_their_own_classes_and_honour_the_properties";

    private SpecializationFixtureSelfCheck() {
    }

    static List<String> checks() {
        List<String> checks = new ArrayList<>(SpecializationCatalog.names());
        checks.addAll(List.of(RACY_CACHE_RACES, GENERATORS));
        return checks;
    }

    public static void main(String[] args) {
        Verdicts verdicts = new Verdicts();
        for (SpecializationScenario scenario : SpecializationCatalog.all()) {
            verdicts.check(scenario.name(), () -> roundTrip(scenario));
        }
        verdicts.check(RACY_CACHE_RACES, SpecializationFixtureSelfCheck::racyCacheRaces);
        verdicts.check(GENERATORS, SpecializationFixtureSelfCheck::generators);
        System.exit(verdicts.exitCode());
    }

    private static String roundTrip(SpecializationScenario scenario) throws Exception {
        Object[] roots = scenario.roots().create();
        String expected = scenario.probe().describe(roots);
        byte[] stream = Streams.write(roots);
        try (ObjectInputStream in = new GeneratedClassesInputStream(new ByteArrayInputStream(stream))) {
            Object[] read = new Object[roots.length];
            for (int i = 0; i < read.length; i++) {
                read[i] = in.readObject();
            }
            return SpecializationReader.compare(scenario, read, expected);
        }
    }

    private static String racyCacheRaces() throws Exception {
        AtOnce.call(() -> TemplateSpecializer.RACY_BOXES.specialize(Box.class, Byte.class));
        int generations = TemplateSpecializer.RACY_BOXES.generations(Box.class, Byte.class);
        return generations > 1 ? null : AtOnce.THREADS + " racing callers made Box<Byte> only " + generations
                + " time(s): the concurrency IT would prove nothing";
    }

    private static String generators() {
        BoxesGenerator boxes = new BoxesGenerator();
        Class<?> crate = TemplateSpecializer.CRATES.specialize(Crate.class, Integer.class);
        Class<?> box = ArgumentScenarios.boxOf(Integer.class);
        if (boxes.describe(crate) != null || boxes.describe(Integer.class) != null
                || !boxes.describe(box).arguments().equals(List.of(Integer.class))) {
            return "it.boxes described " + boxes.describe(crate) + " / " + boxes.describe(box);
        }
        if (!boxes.accepts(Pair.class) || boxes.accepts(Crate.class)) {
            return "it.boxes should accept Pair and refuse Crate";
        }
        System.setProperty(LibraryGenerator.REFUSED_ORIGINS, Pair.class.getName());
        try {
            return boxes.accepts(Pair.class) ? "the refusal property was ignored" : null;
        } finally {
            System.clearProperty(LibraryGenerator.REFUSED_ORIGINS);
        }
    }

    /** Resolves the names of the classes this JVM generated, which a plain stream cannot find, arrays included. */
    private static final class GeneratedClassesInputStream extends ObjectInputStream {

        private static final ClassLoader GENERATED = new ClassLoader(ClassLoader.getSystemClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                Class<?> generated = SubclassMaker.byName(name);
                if (generated == null) {
                    throw new ClassNotFoundException(name);
                }
                return generated;
            }
        };

        GeneratedClassesInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            return Class.forName(descriptor.getName(), false, GENERATED);
        }
    }
}
