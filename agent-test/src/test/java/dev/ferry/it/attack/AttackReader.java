package dev.ferry.it.attack;

import dev.ferry.it.specialize.AttackSpecimens;
import dev.ferry.it.support.Failures;
import dev.ferry.it.support.FerryCounters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Forked reader JVM: reads streams as an application would, in the order given, all in this one JVM, so that what an
 * attack left behind shows in the reads after it. Each argument is one command, its parts separated by {@code |}:
 * <ul>
 * <li>{@code read|<case>|<nesting>|<file>[|<filter pattern>]}: reads the file (with that {@link ObjectInputFilter}
 * on the stream, if any), unwraps and uses the payload, printing {@code CASE-BEGIN <case>}, {@code RESULT <case>
 * ACCEPTED <what the payload did>} or {@code RESULT <case> REFUSED <exception chain>}, {@code DELTA <case> <counters
 * and generations that grew>} and {@code CASE-END <case>}; a canary that runs prints between these lines;</li>
 * <li>{@code truncate|<case>|<nesting>|<file>}: reads every proper prefix of the file, printing {@code PREFIXES <case>
 * <count> <outcomes by exception class>}, and {@code UNEXPECTED <case> <offset> <exception chain>} (with its stack
 * trace indented below) for each prefix that failed with anything but an {@code IOException}, or not at all;
 * then reads the whole file as {@code read} does.</li>
 * </ul>
 * Then prints the agent's counters.
 */
public final class AttackReader {

    /** The counters whose growth a case reports: the classes Ferry made. */
    private static final List<String> MADE = List.of("classes.materialized", "specializations.materialized",
            "lambdas.materialized");
    private static final int UNEXPECTED_REPORTED = 5;

    private AttackReader() {
    }

    public static void main(String[] args) throws IOException {
        for (String argument : args) {
            String[] parts = argument.split("\\|", -1);
            String name = parts[1];
            Nesting nesting = Nesting.valueOf(parts[2]);
            byte[] stream = Files.readAllBytes(Path.of(parts[3]));
            if (parts[0].equals("truncate")) {
                truncate(name, nesting, stream);
                read(name, nesting, stream, null);
            } else {
                read(name, nesting, stream, parts.length > 4 ? parts[4] : null);
            }
        }
        System.out.println(FerryCounters.line());
    }

    private static void read(String name, Nesting nesting, byte[] stream, String filter) {
        System.out.println("CASE-BEGIN " + name);
        Map<String, Long> before = made();
        String result;
        try {
            result = "ACCEPTED " + render(nesting.unwrap(readOne(stream, filter)));
        } catch (Throwable failure) {
            result = "REFUSED " + Failures.describeChain(failure);
        }
        System.out.println("RESULT " + name + " " + result);
        System.out.println("DELTA " + name + " " + grown(before, made()));
        System.out.println("CASE-END " + name);
    }

    private static void truncate(String name, Nesting nesting, byte[] stream) {
        Map<String, Integer> outcomes = new TreeMap<>();
        int unexpected = 0;
        for (int length = 0; length < stream.length; length++) {
            Throwable failure = null;
            try {
                nesting.unwrap(readOne(Arrays.copyOf(stream, length), null));
            } catch (Throwable e) {
                failure = e;
            }
            String outcome = failure == null ? "none" : failure.getClass().getName();
            outcomes.merge(outcome, 1, Integer::sum);
            if (!(failure instanceof IOException) && unexpected++ < UNEXPECTED_REPORTED) {
                System.out.println("UNEXPECTED " + name + " " + length + " "
                        + (failure == null ? "read without failure" : Failures.describeChain(failure)));
                if (failure != null) {
                    for (StackTraceElement frame : failure.getStackTrace()) {
                        System.out.println("    at " + frame);
                    }
                }
            }
        }
        StringBuilder counts = new StringBuilder();
        outcomes.forEach((outcome, count) -> counts.append(counts.length() == 0 ? "" : " ").append(outcome)
                .append('=').append(count));
        System.out.println("PREFIXES " + name + " " + stream.length + " " + counts);
    }

    private static Object readOne(byte[] stream, String filter) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            if (filter != null) {
                in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(filter));
            }
            return in.readObject();
        }
    }

    /** What using the payload gives, the same in every JVM for the same state. */
    static String render(Object payload) {
        if (payload instanceof IntUnaryOperator) {
            return "applyAsInt(1)=" + ((IntUnaryOperator) payload).applyAsInt(1);
        }
        if (payload instanceof Lambdas.Loop) {
            return ((Lambdas.Loop) payload).describe();
        }
        if (payload instanceof Carrier) {
            return ((Carrier) payload).describe();
        }
        if (payload instanceof PriorityQueue) {
            List<Object> order = new ArrayList<>();
            PriorityQueue<?> queue = (PriorityQueue<?>) payload;
            while (!queue.isEmpty()) {
                order.add(queue.poll());
            }
            return "queue" + order;
        }
        return AttackSpecimens.describe(payload);
    }

    /** The counters of classes Ferry made, and the classes the specializing libraries made. */
    private static Map<String, Long> made() {
        Map<String, Long> made = new TreeMap<>();
        Map<String, Long> counters = FerryCounters.snapshot().orElse(Map.of());
        for (String counter : MADE) {
            made.put(counter, counters.getOrDefault(counter, 0L));
        }
        made.put("generations", (long) AttackSpecimens.generations());
        return made;
    }

    private static String grown(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, value) -> text.append(text.length() == 0 ? "" : " ").append(name).append('=')
                .append(value - before.getOrDefault(name, 0L)));
        return text.toString();
    }
}
