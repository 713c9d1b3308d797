package dev.ferry.it.wire;

import dev.ferry.it.support.Failures;
import dev.ferry.it.support.Streams;
import dev.ferry.it.support.Verdicts;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;

/**
 * Forked JVM for {@link WireFormIT}:
 * <ul>
 *   <li>{@code write FILE}: {@link Lambdas#scaled} (k = 3, twice: one object) and {@link Lambdas#labelled} in one
 *       stream;</li>
 *   <li>{@code read FILE [OTHER]}: reads FILE and prints {@code PASS}/{@code FAIL} lines about what it got; with OTHER
 *       (another stream of the same lambdas), that both read into the same classes;</li>
 *   <li>{@code rewrite FILE OUT}: reads FILE and writes what it read to OUT;</li>
 *   <li>{@code read-without-ferry FILE}: reads FILE and prints {@code REFUSED <exception>}.</li>
 * </ul>
 */
public final class WireFormProgram {

    private WireFormProgram() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write":
                IntUnaryOperator scaled = Lambdas.scaled(3);
                Files.write(Path.of(args[1]), Streams.write(scaled, Lambdas.labelled("job", 42L), scaled));
                break;
            case "rewrite":
                Files.write(Path.of(args[2]), Streams.write(Streams.read(Files.readAllBytes(Path.of(args[1])), 3)));
                break;
            case "read-without-ferry":
                try {
                    Streams.read(Files.readAllBytes(Path.of(args[1])), 3);
                    System.out.println("ACCEPTED");
                } catch (Exception e) {
                    System.out.println("REFUSED " + Failures.describe(e));
                }
                break;
            default:
                System.exit(read(args));
        }
    }

    @SuppressWarnings("unchecked")
    private static int read(String[] args) throws Exception {
        Object[] read = Streams.read(Files.readAllBytes(Path.of(args[1])), 3);
        IntUnaryOperator scaled = (IntUnaryOperator) read[0];
        BiFunction<String, Integer, String> labelled = (BiFunction<String, Integer, String>) read[1];
        Verdicts verdicts = new Verdicts();
        verdicts.check("read_lambdas_should_compute_what_the_writers_did", () ->
                scaled.applyAsInt(5) == 16 && labelled.apply("ab", 2).equals("job#42:abab") ? null
                        : scaled.applyAsInt(5) + ", " + labelled.apply("ab", 2));
        verdicts.check("read_lambda_should_be_an_instance_of_its_call_sites_wire_class", () -> {
            Class<?> type = scaled.getClass();
            String expected = Lambdas.class.getName() + "$$FerryLambda$";
            return !Proxy.isProxyClass(type) && !type.isHidden() && type.getName().startsWith(expected)
                    && type.getClassLoader() == Lambdas.class.getClassLoader() ? null
                    : type + " (proxy " + Proxy.isProxyClass(type) + ", hidden " + type.isHidden() + ", loader "
                    + type.getClassLoader() + ")";
        });
        verdicts.check("one_lambda_written_twice_should_read_back_as_one_object", () ->
                read[2] == read[0] ? null : "two objects");
        verdicts.check("object_methods_should_behave_as_for_a_jdk_lambda", () -> {
            String text = scaled.toString();
            String expected = scaled.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(scaled));
            return scaled.equals(scaled) && !scaled.equals(Lambdas.scaled(3)) && !scaled.equals(labelled)
                    && scaled.hashCode() == System.identityHashCode(scaled) && text.equals(expected) ? null
                    : "equals/hashCode/toString: " + text + " vs " + expected;
        });
        if (args.length > 2) {
            Object[] other = Streams.read(Files.readAllBytes(Path.of(args[2])), 3);
            verdicts.check("two_streams_should_read_one_call_site_into_one_class", () ->
                    other[0].getClass() == read[0].getClass() && other[1].getClass() == read[1].getClass()
                            && other[0] != read[0] ? null : other[0].getClass() + " vs " + read[0].getClass());
        }
        return verdicts.exitCode();
    }
}
