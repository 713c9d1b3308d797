package dev.ferry.it.hazelcast.client;

import dev.ferry.it.hazelcast.shared.Labelled;
import dev.ferry.it.hazelcast.shared.SharedJobs;
import dev.ferry.it.hazelcast.shared.Tally;
import dev.ferry.samples.specialized.library.Box;
import java.util.List;

/**
 * The client of a round-trip cluster, run once per cluster: unmodified application code through Hazelcast's own
 * APIs, one {@link Report} line per scenario. Scenarios whose code the members have ({@code shared.SharedJobs}) come
 * first; then the same shapes with code only the client has (this package, by value), and objects of generated
 * classes.
 *
 * <pre>
 * RoundTripClient CLUSTER member-1=127.0.0.1:PORT,member-2=...,member-3=...
 * </pre>
 */
public final class RoundTripClient {

    public static final String CALLABLE = "callable";
    public static final String RUNNABLE = "runnable";
    public static final String METHOD_REFERENCE = "method-reference";
    public static final String MAP_FUNCTION = "map-function";
    public static final String ENTRY_PROCESSOR = "entry-processor";
    public static final String CLIENT_CALLABLE = "client-callable";
    public static final String CLIENT_RUNNABLE = "client-runnable";
    public static final String CLIENT_METHOD_REFERENCE = "client-method-reference";
    public static final String CLIENT_TASK_CLASS = "client-task-class";
    public static final String CLIENT_MAP_FUNCTION = "client-map-function";
    public static final String CLIENT_ENTRY_PROCESSOR = "client-entry-processor";
    public static final String GENERATED_CLASS = "generated-class";
    public static final String SPECIALIZATION = "specialization";

    /** The member {@link #METHOD_REFERENCE} and {@link #CLIENT_METHOD_REFERENCE} go to. */
    public static final String METHOD_REFERENCE_TARGET = "member-3";
    /** The member {@link #CLIENT_TASK_CLASS} goes to. */
    public static final String TASK_CLASS_TARGET = "member-1";

    private RoundTripClient() {
    }

    public static void main(String[] args) throws Exception {
        try (ClusterConnection cluster = ClusterConnection.open(args[0], args[1])) {
            run(new Submissions(cluster));
        }
        System.exit(0);
    }

    private static void run(Submissions submit) {
        List<Integer> tons = List.of(3, 4, 5);
        Report.run(CALLABLE, () -> submit.toEachMember(SharedJobs.describe("Ferry Tale", 7, tons),
                SharedJobs.summary("Ferry Tale", 7, tons)));
        Report.run(RUNNABLE, () -> submit.toAllMembers(SharedJobs.signIn("shared-visits", "signed"),
                "shared-visits", "signed"));
        Tally tally = new Tally(List.of(20, 22));
        Report.run(METHOD_REFERENCE, () -> submit.toMember(METHOD_REFERENCE_TARGET, SharedJobs.totalOf(tally),
                String.valueOf(tally.total())));
        Report.run(MAP_FUNCTION, () -> submit.readElsewhere("shared-tariffs", "freight", SharedJobs.tariff(12, 3),
                SharedJobs.applyFunction("shared-tariffs", "freight", 40),
                String.valueOf(SharedJobs.tariff(12, 3).apply(40))));
        Report.run(ENTRY_PROCESSOR, () -> submit.onKeyOwner("shared-berths", "pier-4", 10, 5,
                SharedJobs.addAndTell(5)));

        Report.run(CLIENT_CALLABLE, () -> submit.toEachMember(ClientJobs.describe("Sea Shanty", 9, tons),
                ClientJobs.summary("Sea Shanty", 9, tons)));
        Report.run(CLIENT_RUNNABLE, () -> submit.toAllMembers(ClientJobs.signIn("client-visits", "signed by value"),
                "client-visits", "signed by value"));
        Ledger ledger = new Ledger(List.of(120, -35, 15));
        Report.run(CLIENT_METHOD_REFERENCE, () -> submit.toMember(METHOD_REFERENCE_TARGET,
                ClientJobs.balanceOf(ledger), String.valueOf(ledger.balance())));
        RouteTask route = new RouteTask("client-routes", List.of("Dover", "Calais", "Dunkirk"));
        Report.run(CLIENT_TASK_CLASS, () -> submit.toMember(TASK_CLASS_TARGET, route,
                RouteTask.Legs.describe(route.stops())));
        Report.run(CLIENT_MAP_FUNCTION, () -> submit.readElsewhere("client-tariffs", "freight",
                ClientJobs.tariff(12, 3), SharedJobs.applyFunction("client-tariffs", "freight", 40),
                String.valueOf(ClientJobs.tariff(12, 3).apply(40))));
        Report.run(CLIENT_ENTRY_PROCESSOR, () -> submit.onKeyOwner("client-berths", "pier-9", 30, 4,
                ClientJobs.addAndTell(4)));

        Report.run(GENERATED_CLASS, () -> {
            Labelled parcel = GeneratedLabels.labelled("Calais", "fragile: glass");
            return submit.readElsewhere("parcels", "p-1", parcel, SharedJobs.readLabel("parcels", "p-1"),
                    parcel.label());
        });
        Report.run(SPECIALIZATION, () -> {
            Box<Integer> box = Box.of(Integer.class).set(42);
            return submit.readElsewhere("boxes", "answer", box, SharedJobs.readModel("boxes", "answer"),
                    box.toString());
        });
    }
}
