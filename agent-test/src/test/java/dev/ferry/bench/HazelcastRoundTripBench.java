package dev.ferry.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Round trips of a small task through a real Hazelcast cluster: {@code submitToMember(task, member).get()} in a loop,
 * one call at a time, counting calls per second over a time window. The client of {@link HazelcastBenchPhase}, which
 * starts the members.
 *
 * <pre>
 * HazelcastRoundTripBench CLUSTER ADDRESSES MODE WARMUP_SECONDS WINDOW_SECONDS REPETITIONS
 * </pre>
 *
 * <p>Two tasks of the same work ({@code i + 1} for a captured {@code i}), a new one per call:
 * <ul>
 *   <li>{@code lambda}: a plain, non-serializable {@code Callable} lambda, which only Ferry can send;
 *   <li>{@code class}: the same task written by hand as a {@code Serializable} class ({@link AddOne}), as users write
 *       Hazelcast tasks without Ferry.
 * </ul>
 * MODE {@code both} warms both up, then measures them in alternation (the order swapped every repetition, so that
 * drift affects both alike), printing {@code repetition=N lambda=CALLS_PER_SECOND class=CALLS_PER_SECOND}; MODE
 * {@code class} measures the class alone (a cluster without Ferry), printing {@code repetition=N class=...}. Every
 * answer is checked. Both tasks' classes are on the members' class path: this measures the trip, not shipping code.
 */
public final class HazelcastRoundTripBench {

    private HazelcastRoundTripBench() {
    }

    /** The hand-written task. */
    static final class AddOne implements Callable<Integer>, Serializable {
        private static final long serialVersionUID = 1L;
        private final int value;

        AddOne(int value) {
            this.value = value;
        }

        @Override
        public Integer call() {
            return value + 1;
        }
    }

    /** The lambda task: written the everyday way, capturing {@code value}. */
    static Callable<Integer> lambda(int value) {
        return () -> value + 1;
    }

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        List<String> addresses = List.of(args[1].split(","));
        boolean both = args[2].equals("both");
        long warmup = TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        long window = TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        int repetitions = Integer.parseInt(args[5]);

        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.getNetworkConfig().setAddresses(addresses);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            IExecutorService executor = client.getExecutorService("bench");
            // one member, the same for every call: the second by address, so that it is never the one the client
            // happened to connect to first
            List<Member> members = new ArrayList<>(client.getCluster().getMembers());
            members.sort(Comparator.comparing(member -> member.getAddress().getPort()));
            Member target = members.get(Math.min(1, members.size() - 1));
            Trip lambda = new Trip(executor, target, HazelcastRoundTripBench::lambda);
            Trip hand = new Trip(executor, target, AddOne::new);
            if (both) {
                lambda.callsPerSecond(warmup);
            }
            hand.callsPerSecond(warmup);
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                if (!both) {
                    System.out.printf(Locale.ROOT, "repetition=%d class=%.1f%n", repetition,
                            hand.callsPerSecond(window));
                    continue;
                }
                double lambdaRate;
                double classRate;
                if (repetition % 2 == 1) {
                    lambdaRate = lambda.callsPerSecond(window);
                    classRate = hand.callsPerSecond(window);
                } else {
                    classRate = hand.callsPerSecond(window);
                    lambdaRate = lambda.callsPerSecond(window);
                }
                System.out.printf(Locale.ROOT, "repetition=%d lambda=%.1f class=%.1f%n", repetition, lambdaRate,
                        classRate);
            }
        } finally {
            client.shutdown();
        }
        System.exit(0);
    }

    /** Round trips of one kind of task to one member. */
    private record Trip(IExecutorService executor, Member target, IntFunction<Callable<Integer>> task) {

        /** Calls one after the other for {@code nanos}; each answer must be the task's. */
        double callsPerSecond(long nanos) throws Exception {
            long start = System.nanoTime();
            long end = start + nanos;
            int calls = 0;
            long now = start;
            while (now < end) {
                Integer answer = executor.submitToMember(task.apply(calls), target).get(30, TimeUnit.SECONDS);
                if (answer != calls + 1) {
                    throw new IllegalStateException("call " + calls + " answered " + answer);
                }
                calls++;
                now = System.nanoTime();
            }
            return calls / ((now - start) / 1e9);
        }
    }
}
