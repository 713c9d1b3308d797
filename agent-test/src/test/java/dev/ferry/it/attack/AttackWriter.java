package dev.ferry.it.attack;

import dev.ferry.it.attack.gadget.Scheduler;
import dev.ferry.it.specialize.AttackSpecimens;
import dev.ferry.it.support.Streams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Forked writer JVM, with Ferry and a key: {@code AttackWriter <directory>} writes the legitimate streams the attack
 * ITs read and patch ({@link AttackStream}), each payload in every {@link Nesting}, then prints {@code WROTE}.
 */
public final class AttackWriter {

    /**
     * Four new classes per nesting, other ones in each: a reader that refused one nesting's stream knows the classes
     * made before the refusal, which the next stream would not have to pay for.
     */
    static final List<List<Class<?>>> MANY = List.of(
            List.of(Float.class, Double.class, Character.class, Boolean.class),
            List.of(StringBuilder.class, Number.class, java.util.Date.class, java.util.UUID.class),
            List.of(java.math.BigInteger.class, java.math.BigDecimal.class, java.time.Instant.class,
                    java.time.Duration.class),
            List.of(java.util.Locale.class, java.net.URI.class, java.io.File.class, Thread.class));

    private AttackWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        for (AttackStream stream : AttackStream.values()) {
            for (Nesting nesting : Nesting.values()) {
                Files.write(stream.file(directory, nesting), Streams.write(nesting.wrap(payload(stream, nesting))));
            }
        }
        System.out.println("WROTE");
    }

    private static Object payload(AttackStream stream, Nesting nesting) throws Exception {
        switch (stream) {
            case LAMBDA:
                return Lambdas.adder(41);
            case CYCLIC_LAMBDA:
                return Lambdas.loop("ring");
            case BY_VALUE:
                return Shipped.make();
            case SPECIALIZATION:
                return AttackSpecimens.box(Integer.class, 42, "spec");
            case SPECIALIZATION_OF_RUNNABLE:
                return AttackSpecimens.unsetBox(Runnable.class, "filtered");
            case MANY_SPECIALIZATIONS:
                return AttackSpecimens.boxes(MANY.get(nesting.ordinal()), "many");
            case TWO_SPECIALIZATIONS:
                return AttackSpecimens.boxes(List.of(Short.class, Long.class), "two");
            case TWO_OTHER_SPECIALIZATIONS:
                return AttackSpecimens.boxes(List.of(Byte.class, Object.class), "two others");
            case KNOWN_BESIDE_UNKNOWN_SPECIALIZATION:
                return AttackSpecimens.pairOfKnownAndUnknown("siblings");
            case GADGET:
                PriorityQueue<String> queue = new PriorityQueue<>(Scheduler.byName("attacker-chosen"));
                queue.add("b");
                queue.add("a");
                return queue;
            default:
                throw new IllegalArgumentException(stream.name());
        }
    }
}
