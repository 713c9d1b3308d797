package dev.ferry.samples.hazelcast.client;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MultiExecutionCallback;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.ferry.samples.specialized.library.Box;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client JVM of the Hazelcast demo: a plain {@link HazelcastClient} that sends the cluster the jobs of this
 * package ({@link Boarding}, {@link Cargo}, {@link FareQuote}, {@link Lookups}), none of which a member has, and prints one row per job: what it was, its size in Java serialization,
 * the member that ran it, its result there, and whether that is the result this JVM computes itself.
 *
 * <pre>
 * java -javaagent:ferry-agent.jar=keyFile=KEY,byValue=dev.ferry.samples.hazelcast.client -cp ... \
 *      dev.ferry.samples.hazelcast.client.ClusterClient CLUSTER 127.0.0.1:PORT1,127.0.0.1:PORT2,127.0.0.1:PORT3
 * </pre>
 *
 * <p>The {@code Driver} starts it once the members are starting; it waits for all of them to join. It exits 0 only
 * if every job matched.
 */
public final class ClusterClient {

    private static final Duration JOINED_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final String ROW = "  %-38s %7s  %-26s %-34s %s%n";
    private static final int RESULT_WIDTH = 34;

    private final HazelcastInstance client;
    private final IExecutorService executor;
    /** Member number (1, 2, 3: the order of the addresses the driver gave) by address. */
    private final Map<String, Integer> numbers = new TreeMap<>();

    private ClusterClient(HazelcastInstance client, List<String> addresses) {
        this.client = client;
        this.executor = client.getExecutorService("ferry-demo");
        for (int i = 0; i < addresses.size(); i++) {
            numbers.put(addresses.get(i), i + 1);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: " + ClusterClient.class.getName() + " <cluster name> <member addresses, comma"
                    + " separated>");
            System.exit(2);
        }
        List<String> addresses = List.of(args[1].split(","));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config(args[0], addresses));
        boolean matched;
        try {
            awaitMembers(client, addresses.size());
            System.out.println("  connected: " + addresses.size() + " members joined, "
                    + String.join(", ", numbered(addresses)));
            matched = new ClusterClient(client, addresses).runAll();
        } finally {
            client.shutdown();
        }
        System.exit(matched ? 0 : 1);
    }

    private static ClientConfig config(String cluster, List<String> addresses) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.getNetworkConfig().setAddresses(addresses);
        // the members start while this JVM does: retry often, for as long as a member may take to start
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setInitialBackoffMillis(100).setMaxBackoffMillis(500)
                .setClusterConnectTimeoutMillis(JOINED_TIMEOUT.toMillis());
        return config;
    }

    /** Waits until {@code count} members are in the cluster: a member accepts clients before the others join. */
    private static void awaitMembers(HazelcastInstance client, int count) throws InterruptedException {
        CountDownLatch joined = new CountDownLatch(1);
        UUID registration = client.getCluster().addMembershipListener(new InitialMembershipListener() {
            @Override
            public void init(InitialMembershipEvent event) {
                check(event.getMembers().size());
            }

            @Override
            public void memberAdded(MembershipEvent event) {
                check(event.getMembers().size());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // the demo's members leave only when it ends
            }

            private void check(int members) {
                if (members >= count) {
                    joined.countDown();
                }
            }
        });
        try {
            if (!joined.await(JOINED_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + client.getCluster().getMembers().size() + " of " + count
                        + " members joined within " + JOINED_TIMEOUT.toSeconds() + " s");
            }
        } finally {
            client.getCluster().removeMembershipListener(registration);
        }
    }

    /** Runs every job, prints its row; true if all matched. */
    private boolean runAll() {
        System.out.println();
        System.out.printf(ROW, "task", "sent", "ran on", "result", "check");
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(attempt("Callable lambda, submitToMember", this::boardingCall));
        outcomes.add(attempt("Runnable lambda, submitToAllMembers", this::arrivals));
        outcomes.add(attempt("method reference to a client helper", this::weighing));
        outcomes.add(attempt("task class only on the client", this::fareQuote));
        outcomes.add(attempt("Function in an IMap, read elsewhere", this::tariff));
        outcomes.add(attempt("EntryProcessor lambda, executeOnKey", this::docking));
        outcomes.add(attempt("Byte Buddy object in an IMap", this::parcel));
        outcomes.add(attempt("Box<Integer> in an IMap", this::box));
        long matched = outcomes.stream().filter(outcome -> outcome.check == Check.OK).count();
        System.out.println();
        System.out.println("sent: the task (or the map value) in Java serialization, with the definitions of the"
                + " client's classes it needs.");
        System.out.println(matched + " of " + outcomes.size() + " tasks matched.");
        return matched == outcomes.size();
    }

    private Outcome boardingCall(Sent sent) throws Exception {
        Callable<String> job = sent.of(Boarding.call("Ferry Tale", 7));
        Member member = member(2);
        return Outcome.compared(label(member), submit(job, member), job.call());
    }

    private Outcome arrivals(Sent sent) throws Exception {
        String log = "arrivals";
        Runnable job = sent.of(Boarding.logArrival(log, "Ferry Tale"));
        CompletableFuture<Map<Member, Object>> done = new CompletableFuture<>();
        executor.submitToAllMembers(job, new MultiExecutionCallback() {
            @Override
            public void onResponse(Member member, Object value) {
                // onComplete has them all
            }

            @Override
            public void onComplete(Map<Member, Object> values) {
                done.complete(values);
            }
        });
        for (Object value : done.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
            if (value instanceof Throwable failure) {
                // a member's failure is its response
                throw new ExecutionException(failure);
            }
        }
        Map<String, String> entries = new TreeMap<>(client.<String, String>getMap(log));
        Map<String, String> expected = new TreeMap<>();
        numbers.keySet().forEach(address -> expected.put(address, "Ferry Tale arrived"));
        String ranOn = "members " + entries.keySet().stream().map(address -> String.valueOf(numbers.get(address)))
                .collect(Collectors.joining(", "));
        return Outcome.checked(ranOn, entries.size() + " entries, one per member", entries.equals(expected),
                "expected " + expected + ", the map holds " + entries);
    }

    private Outcome weighing(Sent sent) throws Exception {
        Callable<Integer> job = sent.of(Cargo.weigh(new Manifest(List.of(new Manifest.Crate("tea", 120),
                new Manifest.Crate("wool", 80), new Manifest.Crate("tin", 45)))));
        Member member = member(3);
        return Outcome.compared(label(member), submit(job, member), job.call());
    }

    private Outcome fareQuote(Sent sent) throws Exception {
        FareQuote job = sent.of(new FareQuote(new FareQuote.Route("Dover", "Calais", 21), 3));
        Member member = member(1);
        return Outcome.compared(label(member), submit(job, member), job.call());
    }

    private Outcome tariff(Sent sent) throws Exception {
        IMap<String, Function<Integer, Integer>> tariffs = client.getMap("tariffs");
        Function<Integer, Integer> tariff = sent.of(Cargo.tariff(12, 3));
        tariffs.put("freight", tariff);
        Member reader = notOwning("freight");
        Integer answer = submit(Cargo.applyTariff("tariffs", "freight", 40), reader);
        return Outcome.compared(readOn(reader, "freight"), answer, tariff.apply(40));
    }

    private Outcome docking(Sent sent) throws Exception {
        IMap<String, Integer> berths = client.getMap("berths");
        berths.put("pier-4", 2);
        EntryProcessor<String, Integer, Integer> job = sent.of(Cargo.dock(3));
        Integer answer = berths.executeOnKey("pier-4", job);
        Integer stored = berths.get("pier-4");
        return Outcome.checked(label(owner("pier-4")) + ", the key's owner", show(answer),
                Objects.equals(answer, 5) && Objects.equals(stored, 5),
                "expected 5 returned and stored, got " + answer + " returned and " + stored + " stored");
    }

    private Outcome parcel(Sent sent) throws Exception {
        IMap<String, Parcel> parcels = client.getMap("parcels");
        Parcel parcel = sent.of(Parcels.labelled("Calais", "fragile: glass, from Calais"));
        parcels.put("p-1", parcel);
        Member reader = notOwning("p-1");
        return Outcome.compared(readOn(reader, "p-1"), submit(Lookups.parcelLabel("parcels", "p-1"), reader),
                parcel.label());
    }

    private Outcome box(Sent sent) throws Exception {
        IMap<String, Box<Integer>> boxes = client.getMap("boxes");
        Box<Integer> box = sent.of(Box.of(Integer.class).set(42));
        boxes.put("answer", box);
        Member reader = notOwning("answer");
        return Outcome.compared(readOn(reader, "answer"), submit(Lookups.boxOfInteger("boxes", "answer"), reader),
                List.of(box.toString(), "the member's own Box<Integer> class"));
    }

    private <T> T submit(Callable<T> job, Member member) throws Exception {
        return executor.submitToMember(job, member).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Member member(int number) {
        return client.getCluster().getMembers().stream().filter(member -> number(member) == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("no member " + number + " in the cluster"));
    }

    private Member owner(String key) {
        return client.getPartitionService().getPartition(key).getOwner();
    }

    /** A member other than the owner of {@code key}, so that reading the entry crosses from one member to another. */
    private Member notOwning(String key) {
        Member owner = owner(key);
        return client.getCluster().getMembers().stream().filter(member -> !member.equals(owner)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the cluster has no member but " + owner));
    }

    private int number(Member member) {
        return numbers.getOrDefault(Members.address(member), 0);
    }

    private String label(Member member) {
        return "member " + number(member);
    }

    /** Where an entry was read: on {@code reader}, which is not its owner. */
    private String readOn(Member reader, String key) {
        return label(reader) + " (owner " + number(owner(key)) + ")";
    }

    private static List<String> numbered(List<String> addresses) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            numbered.add((i + 1) + " at " + addresses.get(i));
        }
        return numbered;
    }

    /** Runs one job; a failure is its row's outcome, and the next job still runs. */
    private static Outcome attempt(String name, Job job) {
        Sent sent = new Sent();
        Outcome outcome;
        try {
            outcome = job.run(sent);
        } catch (Exception | LinkageError e) {
            outcome = new Outcome("-", "-", Check.FAILED, describe(e));
        }
        outcome.print(name, sent.bytes);
        return outcome;
    }

    /** Hazelcast's exception, and its deepest cause when that says more: one line. */
    private static String describe(Throwable failure) {
        Throwable shown = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause()
                : failure;
        Throwable root = shown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = (shown instanceof TimeoutException ? "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s: "
                : "") + shown;
        return root == shown || text.contains(String.valueOf(root.getMessage())) ? text : text + " <- " + root;
    }

    @FunctionalInterface
    private interface Job {
        Outcome run(Sent sent) throws Exception;
    }

    /** The size of what a job sends, measured before it is sent, so that a failed job's row shows it too. */
    private static final class Sent {
        private int bytes;

        /** Measures {@code value} written alone with a plain {@link ObjectOutputStream}, as Hazelcast writes it. */
        <T> T of(T value) throws IOException {
            CountingStream counted = new CountingStream();
            try (ObjectOutputStream out = new ObjectOutputStream(counted)) {
                out.writeObject(value);
            }
            bytes = counted.count;
            return value;
        }
    }

    private enum Check { OK, MISMATCH, FAILED }

    /**
     * How one job went.
     *
     * @param result as printed
     * @param detail what went wrong, printed in full on a second line; {@code null} if nothing did
     */
    private record Outcome(String ranOn, String result, Check check, String detail) {

        static Outcome compared(String ranOn, Object answer, Object expected) {
            return checked(ranOn, show(answer), Objects.equals(answer, expected), "expected " + show(expected));
        }

        static Outcome checked(String ranOn, String result, boolean matched, String mismatch) {
            return new Outcome(ranOn, result, matched ? Check.OK : Check.MISMATCH, matched ? null : mismatch);
        }

        void print(String name, int bytes) {
            System.out.printf(ROW, name, bytes > 0 ? bytes + " B" : "-", ranOn, cut(result), check);
            if (detail != null) {
                System.out.println("      " + detail);
            }
        }

        private static String cut(String text) {
            return text.length() <= RESULT_WIDTH ? text : text.substring(0, RESULT_WIDTH - 3) + "...";
        }
    }

    /** A value as printed: strings quoted. */
    private static String show(Object value) {
        return value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {
        private int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
