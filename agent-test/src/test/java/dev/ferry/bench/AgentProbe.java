package dev.ferry.bench;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.function.IntUnaryOperator;

/**
 * Tells whether Ferry is active in this JVM: whether a plain (not javac-serializable) lambda of this package can be
 * written with {@code ObjectOutputStream} and read back working.
 *
 * <p>The benchmarks call {@link #checkVariant()} in their trial set-up, so that a fork meant to run with the agent
 * fails instead of reporting numbers of a JVM where Ferry did nothing, and a baseline fork fails if an agent leaked
 * into it. As a program ({@code main}) it prints {@code ferry-active} (exit 0) or {@code ferry-inactive: reason}
 * (exit 3); {@code run-benchmarks.sh} runs it with {@code -javaagent} before anything that needs the agent.
 */
public final class AgentProbe {

    /** System property the benchmark forks get: {@code ferry} (with the agent) or {@code baseline} (without). */
    public static final String VARIANT_PROPERTY = "bench.variant";

    private AgentProbe() {
    }

    /** {@code null} if Ferry is active, else why not. */
    public static String inactiveReason() {
        IntUnaryOperator lambda = Payloads.ferryLambda(41);
        byte[] bytes;
        try {
            bytes = Payloads.write(lambda);
        } catch (NotSerializableException e) {
            return "a lambda of " + Payloads.class.getName() + " is not serializable (NotSerializableException: "
                    + e.getMessage() + ")";
        } catch (IOException | RuntimeException e) {
            return "writing a lambda failed: " + e;
        }
        Object back;
        try {
            back = Payloads.read(bytes);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return "reading a lambda back failed: " + e;
        }
        if (!(back instanceof IntUnaryOperator)) {
            return "read back " + (back == null ? "null" : back.getClass().getName()) + ", not an IntUnaryOperator";
        }
        int result = ((IntUnaryOperator) back).applyAsInt(1);
        if (result != 42) {
            return "the lambda read back computes " + result + " instead of 42";
        }
        return null;
    }

    /** Fails if this JVM is not what the {@value #VARIANT_PROPERTY} property says it is. */
    public static void checkVariant() {
        String variant = System.getProperty(VARIANT_PROPERTY);
        if (variant == null) {
            return;
        }
        String reason = inactiveReason();
        if ("ferry".equals(variant) && reason != null) {
            throw new IllegalStateException("this fork should run with Ferry, but Ferry is not active: " + reason);
        }
        if ("baseline".equals(variant) && reason == null) {
            throw new IllegalStateException("this baseline fork serializes plain lambdas: is an agent attached?");
        }
    }

    public static void main(String[] args) {
        String reason = inactiveReason();
        if (reason == null) {
            System.out.println("ferry-active");
            return;
        }
        System.out.println("ferry-inactive: " + reason);
        System.exit(3);
    }
}
