package dev.ferry.bench;

import java.util.function.IntUnaryOperator;

/**
 * Serializes each round-trip payload once and prints its size in bytes, one {@code name=bytes} line each, after
 * checking that it reads back working. Run it with the agent: without, the Ferry line reads {@code ferry=n/a ...}.
 *
 * <pre>
 * java -javaagent:agent/target/ferry-agent.jar -cp agent-test/target/test-classes dev.ferry.bench.SerialSizes
 * </pre>
 */
public final class SerialSizes {

    private SerialSizes() {
    }

    public static void main(String[] args) throws Exception {
        String reason = AgentProbe.inactiveReason();
        if (reason == null) {
            IntUnaryOperator ferry = Payloads.ferryLambda(41);
            byte[] bytes = Payloads.write(ferry);
            check("ferry", ((IntUnaryOperator) Payloads.read(bytes)).applyAsInt(1));
            System.out.println("ferry=" + bytes.length);
        } else {
            System.out.println("ferry=n/a " + reason);
        }
        byte[] jdk = Payloads.write(Payloads.jdkLambda(41));
        check("jdk", ((IntUnaryOperator) Payloads.read(jdk)).applyAsInt(1));
        System.out.println("jdk=" + jdk.length);
        byte[] plain = Payloads.write(Payloads.plainObject(41));
        check("plain", ((PlainInt) Payloads.read(plain)).applyAsInt(1));
        System.out.println("plain=" + plain.length);
    }

    private static void check(String name, int result) {
        if (result != 42) {
            throw new IllegalStateException(name + ": the object read back computes " + result + ", not 42");
        }
    }
}
