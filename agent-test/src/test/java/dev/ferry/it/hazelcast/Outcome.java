package dev.ferry.it.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/**
 * What the client observed in one scenario ({@code dev.ferry.it.hazelcast.client.Submissions} says which facts), with
 * assertions that print it all, and the client's output, when they fail.
 */
record Outcome(String scenario, Map<String, String> facts, String clientReport) {

    String get(String fact) {
        String value = facts.get(fact);
        assertNotNull(value, () -> "'" + scenario + "' has no fact '" + fact + "': " + this);
        return value;
    }

    /** The scenario ran without an exception, and the members computed what the client computes. */
    Outcome assertAnsweredAsExpected() {
        assertSucceeded();
        assertEquals(get("expected"), get("answer"), () -> "'" + scenario + "' answered otherwise: " + this);
        return this;
    }

    Outcome assertSucceeded() {
        assertTrue(!facts.containsKey("failure"), () -> "'" + scenario + "' failed: " + facts.get("failure")
                + "\n" + clientReport);
        return this;
    }

    /** The members that answered, as they name themselves ({@code member-2/jdk25}), comma separated, in order. */
    Outcome assertRanOn(String members) {
        assertEquals(members, get("ran"), () -> "'" + scenario + "' ran elsewhere: " + this);
        return this;
    }

    /** A member that does not own the entry read it, and it was the one the client asked. */
    Outcome assertReadByAMemberOtherThanTheOwner(ClusterShape shape) {
        assertNotEquals(get("owner"), get("reader"), () -> "'" + scenario + "' was read by its owner: " + this);
        return assertRanOn(shape.answerName(get("reader")));
    }

    /** The failure, which the scenario must have had. */
    String failure() {
        String failure = facts.get("failure");
        assertNotNull(failure, () -> "'" + scenario + "' should have failed: " + this);
        return failure;
    }

    @Override
    public String toString() {
        return facts.toString();
    }
}
