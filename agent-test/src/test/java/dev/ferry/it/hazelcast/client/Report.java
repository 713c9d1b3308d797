package dev.ferry.it.hazelcast.client;

import dev.ferry.it.support.Failures;
import java.util.Map;

/**
 * One {@code RESULT} line per scenario for the IT to parse: {@code RESULT<TAB>id<TAB>name=value...} with what the
 * scenario observed, or {@code RESULT<TAB>id<TAB>failure=<exception chain>}. Values are one line each.
 */
public final class Report {

    public static final String PREFIX = "RESULT\t";

    /** A scenario: what it observed, by name. */
    @FunctionalInterface
    interface Scenario {
        Map<String, String> facts() throws Exception;
    }

    private Report() {
    }

    static void run(String id, Scenario scenario) {
        StringBuilder line = new StringBuilder(PREFIX).append(id);
        try {
            scenario.facts().forEach((name, value) -> line.append('\t').append(name).append('=')
                    .append(Failures.oneLine(value)));
        } catch (Throwable failure) {
            line.append("\tfailure=").append(Failures.describeChain(failure));
        }
        System.out.println(line);
        System.out.flush();
    }
}
