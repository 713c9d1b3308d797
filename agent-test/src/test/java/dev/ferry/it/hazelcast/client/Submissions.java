package dev.ferry.it.hazelcast.client;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MultiExecutionCallback;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The ways the client has code run in the cluster, each returning what it observed for a {@link Report}: {@code ran}
 * (the members that answered, {@code member-2/jdk25}), {@code answer} (what they computed), {@code expected} (what
 * this JVM computed), and where relevant {@code target}, {@code owner} and {@code reader} (member names).
 *
 * <p>Jobs answer {@code [where they ran, what they computed]}.
 */
final class Submissions {

    private static final long TIMEOUT_MILLIS = ClusterConnection.TIMEOUT.toMillis();

    private final ClusterConnection cluster;
    private final IExecutorService executor;

    Submissions(ClusterConnection cluster) {
        this.cluster = cluster;
        this.executor = cluster.client().getExecutorService("ferry-it");
    }

    /** {@code submitToMember} to each member in turn. */
    Map<String, String> toEachMember(Callable<List<String>> job, String expected) throws Exception {
        List<String> ran = new ArrayList<>();
        TreeSet<String> answers = new TreeSet<>();
        for (Member member : cluster.members()) {
            List<String> answer = submit(job, member);
            ran.add(answer.get(0));
            answers.add(answer.get(1));
        }
        return facts("ran", String.join(",", ran), "answer", String.join(" | ", answers), "expected", expected);
    }

    /** {@code submitToMember} to the member named {@code target}. */
    Map<String, String> toMember(String target, Callable<List<String>> job, String expected) throws Exception {
        List<String> answer = submit(job, cluster.member(target));
        return facts("target", target, "ran", answer.get(0), "answer", answer.get(1), "expected", expected);
    }

    /**
     * {@code submitToAllMembers} of a {@code Runnable} that writes {@code expected} into {@code map} under its
     * member's name: the map's keys tell where it ran.
     */
    Map<String, String> toAllMembers(Runnable job, String map, String expected) throws Exception {
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
        for (Object value : done.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).values()) {
            if (value instanceof Throwable failure) {
                // Hazelcast hands a member's failure to the callback as its response
                throw new ExecutionException(failure);
            }
        }
        Map<String, String> written = new TreeMap<>(cluster.client().<String, String>getMap(map));
        return facts("ran", String.join(",", written.keySet()), "answer",
                String.join(" | ", new TreeSet<>(written.values())), "expected", expected);
    }

    /**
     * Stores {@code value} under {@code key}, then has a member that does not own the entry read it with
     * {@code reader}.
     */
    <V> Map<String, String> readElsewhere(String map, String key, V value, Callable<List<String>> reader,
            String expected) throws Exception {
        cluster.client().<String, V>getMap(map).put(key, value);
        Member elsewhere = cluster.notOwning(key);
        List<String> answer = submit(reader, elsewhere);
        Map<String, String> facts = facts("owner", cluster.nameOf(cluster.owner(key)), "reader",
                cluster.nameOf(elsewhere), "ran", answer.get(0), "answer", answer.get(1), "expected", expected);
        for (int i = 2; i < answer.size(); i++) {
            facts.put("more" + (i - 1), answer.get(i));
        }
        return facts;
    }

    /**
     * Stores {@code start} under {@code key} and runs {@code processor} on it, which adds {@code added} and answers
     * with where it ran: {@code answer} is the value stored afterwards.
     */
    Map<String, String> onKeyOwner(String map, String key, int start, int added,
            EntryProcessor<String, Integer, String> processor) {
        IMap<String, Integer> entries = cluster.client().getMap(map);
        entries.put(key, start);
        String ran = entries.executeOnKey(key, processor);
        return facts("owner", cluster.nameOf(cluster.owner(key)), "ran", ran, "answer",
                String.valueOf(entries.get(key)), "expected", String.valueOf(start + added));
    }

    private List<String> submit(Callable<List<String>> job, Member member) throws Exception {
        return executor.submitToMember(job, member).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    static Map<String, String> facts(String... namesAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            facts.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return facts;
    }
}
