package dev.ferry.it.hazelcast.client;

import dev.ferry.it.hazelcast.shared.SharedJobs;
import java.util.List;
import java.util.TreeMap;

/**
 * The client of the refusal cluster: {@value #KEYED} has the key, {@value #KEYLESS} runs Ferry without one, and
 * {@value #FILTERING}'s Hazelcast serialization filter rejects this package. It sends each of them the same task only
 * the client has ({@link RouteTask}, by value), and a lambda whose code they have; then it reports which members the
 * task signed in, i.e. where it actually ran.
 *
 * <pre>
 * RefusalClient CLUSTER member-1=127.0.0.1:PORT,member-2=...,member-3=...
 * </pre>
 */
public final class RefusalClient {

    public static final String KEYED = "member-1";
    public static final String KEYLESS = "member-2";
    public static final String FILTERING = "member-3";

    public static final String BY_VALUE_TO = "by-value-to-";
    public static final String SHARED_TO = "shared-to-";
    /** The members in whose map the task signed. */
    public static final String SIGNED = "signed";

    private static final String LOG = "refusal-routes";

    private RefusalClient() {
    }

    public static void main(String[] args) throws Exception {
        try (ClusterConnection cluster = ClusterConnection.open(args[0], args[1])) {
            Submissions submit = new Submissions(cluster);
            RouteTask route = new RouteTask(LOG, List.of("Harwich", "Hook of Holland"));
            List<Integer> tons = List.of(1, 2);
            for (String member : List.of(KEYED, KEYLESS, FILTERING)) {
                Report.run(BY_VALUE_TO + member, () -> submit.toMember(member, route,
                        RouteTask.Legs.describe(route.stops())));
                Report.run(SHARED_TO + member, () -> submit.toMember(member, SharedJobs.describe("Pilot", 1, tons),
                        SharedJobs.summary("Pilot", 1, tons)));
            }
            Report.run(SIGNED, () -> Submissions.facts("members",
                    String.join(",", new TreeMap<>(cluster.client().<String, String>getMap(LOG)).keySet())));
        }
        System.exit(0);
    }
}
