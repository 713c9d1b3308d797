package dev.ferry.samples.hazelcast.client;

import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.Callable;

/**
 * Application code the client sends to members, written the everyday way: plain lambdas capturing local values.
 * Nothing here mentions Ferry or {@code Serializable}, and no member has this class: with Ferry it travels by value.
 */
final class Boarding {

    private Boarding() {
    }

    /** A plain {@code Callable} capturing two local values. */
    static Callable<String> call(String ship, int gate) {
        return () -> "now boarding " + ship + " at gate " + gate;
    }

    /**
     * A plain {@code Runnable} for every member: each writes its own address into the map named {@code log}, so that
     * the client sees which members ran it.
     */
    static Runnable logArrival(String log, String ship) {
        return () -> {
            HazelcastInstance member = Members.local();
            member.getMap(log).put(Members.address(member), ship + " arrived");
        };
    }
}
