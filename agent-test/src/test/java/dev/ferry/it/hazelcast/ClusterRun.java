package dev.ferry.it.hazelcast;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.it.JvmRun;
import dev.ferry.it.hazelcast.client.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TestCluster} did: the client's run, with one {@link Report} line per scenario, and each member's run.
 */
record ClusterRun(JvmRun client, List<JvmRun> members) {

    ClusterRun {
        members = List.copyOf(members);
    }

    /** The scenario's line; fails the test when the client did not report it. */
    Outcome outcome(String scenario) {
        for (String line : client.linesAfter(Report.PREFIX)) {
            String[] fields = line.split("\t");
            if (fields[0].equals(scenario)) {
                Map<String, String> facts = new LinkedHashMap<>();
                for (int i = 1; i < fields.length; i++) {
                    int equals = fields[i].indexOf('=');
                    facts.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
                }
                return new Outcome(scenario, facts, client.report());
            }
        }
        return fail("the client reported nothing for '" + scenario + "'\n" + client.report());
    }

    /** Every JVM of the cluster, the client first. */
    List<JvmRun> everyJvm() {
        List<JvmRun> all = new ArrayList<>();
        all.add(client);
        all.addAll(members);
        return all;
    }
}
