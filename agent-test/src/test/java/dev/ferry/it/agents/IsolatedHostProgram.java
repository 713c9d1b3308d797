package dev.ferry.it.agents;

import dev.ferry.it.agents.isolated.Parcel;
import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.Streams;
import dev.ferry.it.support.Verdicts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * Forked JVM, with or without Ferry: runs {@code isolated.IsolatedApp} in two {@link IsolatingLoader}s over the test
 * classes and prints what it saw, each line prefixed by the loader:
 * <ul>
 *   <li>{@code isolated:} a loader that delegates only {@code java.*} (and the JDK's reflection accessors) to the boot
 *   loader, as OSGi frameworks and JBoss Modules do by default; then {@code isolated counters:}, how Ferry's
 *   {@code classes.skipped} and {@code classes.prepared} moved while it ran;</li>
 *   <li>{@code bootdelegation:} one that also delegates {@code dev.ferry.*} (OSGi's
 *   {@code org.osgi.framework.bootdelegation=dev.ferry.*}), and its {@code bootdelegation counters:}.</li>
 * </ul>
 * With Ferry it then reads streams it wrote through object streams that resolve classes through such loaders and
 * prints {@code PASS}/{@code FAIL} lines, the classes Ferry's MXBean names as skipped ({@code RECENT skipped ...}) and
 * the agent's counters.
 */
public final class IsolatedHostProgram {

    private static final List<String> FERRY_NAMES = List.of("dev.ferry.boot", "dev/ferry/boot", "dev.ferry.agent",
            "dev/ferry/agent", "dev.ferry.api", "dev/ferry/api", "dev.ferry.shaded", "dev/ferry/shaded");

    private IsolatedHostProgram() {
    }

    public static void main(String[] args) throws Exception {
        URL testClasses = IsolatedHostProgram.class.getProtectionDomain().getCodeSource().getLocation();
        IsolatingLoader isolated = new IsolatingLoader("isolated", testClasses, List.of());
        IsolatingLoader bootDelegation = new IsolatingLoader("bootdelegation", testClasses, List.of("dev.ferry."));
        runApplication("isolated", isolated);
        runApplication("bootdelegation", bootDelegation);
        if (FerryCounters.snapshot().isEmpty()) {
            return;
        }
        Verdicts verdicts = new Verdicts();
        byte[] plain = Streams.write(new Parcel("crate", 3), Cargo.manifest("crates"));
        byte[] lambda = Streams.write(Cargo.scaled(3));
        verdicts.check("ferry_written_streams_should_name_no_class_of_ferry", () -> {
            List<String> named = new ArrayList<>();
            for (String name : FERRY_NAMES) {
                if (contains(plain, name) || contains(lambda, name)) {
                    named.add(name);
                }
            }
            return named.isEmpty() ? null : "the streams name " + named;
        });
        verdicts.check("reader_through_an_isolating_loader_should_read_plain_objects_and_javac_lambdas", () -> {
            Object[] read = read(plain, 2, isolated);
            Object supplied = ((Supplier<?>) read[1]).get();
            return read[0].getClass().getClassLoader() == isolated && read[0].toString()
                    .equals("Parcel[label=crate, count=3]") && "manifest of crates".equals(supplied) ? null
                    : read[0] + " of " + read[0].getClass().getClassLoader() + ", " + supplied;
        });
        verdicts.check("reader_through_an_isolating_loader_should_refuse_a_ferry_lambda_with_an_invalid_class", () -> {
            try {
                return "read " + Travel.probe(read(lambda, 1, isolated)[0]);
            } catch (InvalidClassException refused) {
                System.out.println("REFUSED " + Failures.describeChain(refused));
                return refused.getMessage().contains("has no lambda call sites prepared by Ferry") ? null
                        : Failures.describeChain(refused);
            }
        });
        verdicts.check("refusal_of_a_lambda_of_a_class_ferry_skipped_should_name_its_loader_as_the_reason", () -> {
            try {
                return "read " + Travel.probe(read(lambda, 1, isolated)[0]);
            } catch (InvalidClassException refused) {
                String message = refused.getMessage();
                return message.contains("its class loader " + isolated) && message.contains("bootdelegation=dev.ferry.*")
                        && !message.contains("include/exclude") ? null : "the refusal names other reasons: " + message;
            }
        });
        verdicts.check("reader_through_a_boot_delegating_loader_should_read_a_ferry_lambda", () -> {
            Object read = read(lambda, 1, bootDelegation)[0];
            String probe = Travel.probe(read);
            return read instanceof IntUnaryOperator && probe.equals("IntUnaryOperator(5)=15")
                    && read.getClass().getClassLoader() == bootDelegation ? null
                    : probe + " of " + read.getClass().getClassLoader();
        });
        for (String error : recentErrors()) {
            if (error.startsWith("skipped ")) {
                System.out.println("RECENT " + error);
            }
        }
        System.out.println(FerryCounters.line());
        System.exit(verdicts.exitCode());
    }

    /** What an operator sees: Ferry's MXBean's {@code RecentErrors}, where it names each class it skipped. */
    private static String[] recentErrors() throws Exception {
        return (String[]) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("dev.ferry:type=Agent"), "RecentErrors");
    }

    /** Runs the application in {@code loader}, prints its lines and how Ferry's counters moved meanwhile. */
    private static void runApplication(String label, ClassLoader loader) throws Exception {
        long skipped = FerryCounters.get("classes.skipped");
        long prepared = FerryCounters.get("classes.prepared");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) Class.forName("dev.ferry.it.agents.isolated.IsolatedApp", true, loader)
                .getMethod("run").invoke(null);
        String counters = skipped < 0 ? "no agent" : "classes.skipped +" + (FerryCounters.get("classes.skipped")
                - skipped) + " classes.prepared +" + (FerryCounters.get("classes.prepared") - prepared);
        for (String line : lines) {
            System.out.println(label + ": " + line);
        }
        System.out.println(label + " counters: " + counters);
    }

    private static Object[] read(byte[] bytes, int count, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ResolvingThrough(new ByteArrayInputStream(bytes), loader)) {
            Object[] objects = new Object[count];
            for (int i = 0; i < count; i++) {
                objects[i] = in.readObject();
            }
            return objects;
        }
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** An object stream that resolves every class through one loader, as frameworks' streams do. */
    private static final class ResolvingThrough extends ObjectInputStream {

        private final ClassLoader loader;

        ResolvingThrough(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws ClassNotFoundException {
            return Class.forName(descriptor.getName(), false, loader);
        }
    }
}
