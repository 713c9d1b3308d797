package dev.ferry.agent;

import dev.ferry.agent.install.AgentInstaller;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points, kept as small as possible: hand over to {@link AgentInstaller} and make sure nothing here
 * stops the application. A failure is one line on standard error and the application runs without Ferry.
 */
public final class FerryAgent {

    private FerryAgent() {
    }

    public static void premain(String agentArguments, Instrumentation instrumentation) {
        start(agentArguments, instrumentation, false);
    }

    public static void agentmain(String agentArguments, Instrumentation instrumentation) {
        start(agentArguments, instrumentation, true);
    }

    private static void start(String agentArguments, Instrumentation instrumentation, boolean attached) {
        try {
            AgentInstaller.install(agentArguments, instrumentation, attached);
        } catch (Throwable failure) {
            System.err.println("ferry: the agent could not start and is not installed: " + failure);
        }
    }
}
