package dev.ferry.it.byvalue;

import dev.ferry.it.support.FerryCounters;
import dev.ferry.it.support.ReadVerdict;
import dev.ferry.it.support.Streams;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forked JVM for the trust IT.
 * <ul>
 * <li>{@code write <directory>}: writes {@code canary-rule.ser}, {@code exec-rule.ser}, {@code exit-rule.ser} and
 * {@code static-state.ser}, and one file per {@link TrustFixtures#DENIED} class (see {@link TrustFixtures});</li>
 * <li>{@code write-canary <file>}: writes only the canary rule (for a writer without a key);</li>
 * <li>{@code read <case>=<file>...}: reads each file and uses what it got, printing {@code CASE-BEGIN <case>},
 * {@code RESULT <case> ACCEPTED <what it did>} or {@code RESULT <case> REFUSED <exception and causes>} and
 * {@code CASE-END <case>}, so that a canary line shows in which case a class was initialized; then the counters;</li>
 * <li>{@code hello}: an application that serializes a class-path object and prints {@code HELLO <result>}.</li>
 * </ul>
 */
public final class TrustProgram {

    static final String CANARY_RULE_FILE = "canary-rule.ser";
    static final String EXEC_RULE_FILE = "exec-rule.ser";
    static final String EXIT_RULE_FILE = "exit-rule.ser";
    static final String STATIC_STATE_FILE = "static-state.ser";

    private TrustProgram() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(Path.of(args[1]));
            case "write-canary" -> Files.write(Path.of(args[1]), Streams.write(TrustFixtures.canaryRule()));
            case "read" -> read(args);
            case "hello" -> System.out.println("HELLO " + ((Base) Streams.readOne(Streams.write(new Base("ferry"))))
                    .describe());
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void write(Path directory) throws Exception {
        Files.write(directory.resolve(CANARY_RULE_FILE), Streams.write(TrustFixtures.canaryRule()));
        Files.write(directory.resolve(EXEC_RULE_FILE), Streams.write(TrustFixtures.execRule()));
        Files.write(directory.resolve(EXIT_RULE_FILE), Streams.write(TrustFixtures.exitRule()));
        Files.write(directory.resolve(STATIC_STATE_FILE), Streams.write(TrustFixtures.staticStateCarrier()));
        for (TrustFixtures.Denied denied : TrustFixtures.DENIED) {
            Files.write(directory.resolve(denied.file()), Streams.write(TrustFixtures.denied(denied)));
        }
        System.out.println(FerryCounters.line());
    }

    private static void read(String[] args) {
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            String name = args[i].substring(0, equals);
            Path file = Path.of(args[i].substring(equals + 1));
            System.out.println("CASE-BEGIN " + name);
            System.out.println("RESULT " + name + " " + ReadVerdict.of(file, TrustProgram::use));
            System.out.println("CASE-END " + name);
        }
        System.out.println(FerryCounters.line());
    }

    static String use(Object read) throws ReflectiveOperationException {
        if (read instanceof Rule rule) {
            return "test(5)=" + rule.test(5) + " test(6)=" + rule.test(6) + " motto()="
                    + rule.getClass().getMethod("motto").invoke(rule);
        }
        if (read instanceof Base base) {
            return "describe()=" + base.describe();
        }
        return "a " + read.getClass().getName();
    }
}
