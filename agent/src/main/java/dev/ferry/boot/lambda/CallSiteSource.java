package dev.ferry.boot.lambda;

/**
 * What the agent tells the runtime about application classes: whose lambdas Ferry makes serializable, and the call-site
 * table of such a class, read from its class file. Installed once, by the agent; the runtime in the boot loader cannot
 * see the agent's class-file reader or its {@code Instrumentation} otherwise.
 */
public interface CallSiteSource {

    /**
     * Whether the lambdas of {@code capturingClass} become serializable as they link. Asked once per class, at its
     * first lambda link or when a stream names it; counts and remembers a class it leaves out on purpose.
     */
    boolean prepares(Class<?> capturingClass);

    /**
     * The encoded call-site table ({@link CallSiteTables#encode}) of a class {@link #prepares} accepted, read from
     * its class file, or null when it has no call site of Ferry's.
     *
     * @param redefined true after the class was redefined (HotSwap): its class file on disk may be the old one
     * @throws IllegalStateException when its class file cannot be had, with the reason
     */
    byte[] table(Class<?> capturingClass, boolean redefined);
}
