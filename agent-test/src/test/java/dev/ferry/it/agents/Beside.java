package dev.ferry.it.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.ItSettings;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import dev.ferry.it.support.ReportedCounters;
import java.util.List;

/** What the ITs of this package share: JVMs with Ferry and another agent in either order, and their assertions. */
final class Beside {

    /** Which {@code -javaagent} comes first on the command line, so which {@code premain} runs first. */
    enum Order {
        FERRY_FIRST("Ferry first"),
        OTHER_FIRST("the other agent first");

        private final String text;

        Order(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private Beside() {
    }

    /**
     * A JVM with Ferry and another agent ({@code -javaagent:...} option) in the given order. The test checks stderr
     * itself ({@link #assertSilentAndNoTransformFailure}): with the other agent first, Ferry's option is added by
     * hand.
     */
    static ForkedJvm withFerryAnd(Jdk jdk, String otherAgent, Order order) {
        if (order == Order.FERRY_FIRST) {
            return ForkedJvm.on(jdk).withFerry().jvmOption(otherAgent).checkingStderrItself();
        }
        return ForkedJvm.on(jdk).withoutFerry().jvmOption(otherAgent).jvmOption("-javaagent:" + ItSettings.agentJar())
                .checkingStderrItself();
    }

    /** Lets an agent load at run time without JDK 21+'s warning on stderr (JEP 451), as AttachScenario does. */
    static ForkedJvm allowingDynamicAgents(ForkedJvm jvm) {
        return jvm.jdk().feature() >= 21 ? jvm.jvmOption("-XX:+EnableDynamicAgentLoading") : jvm;
    }

    /**
     * The JVM printed nothing on stderr, and Ferry's counters say no class failed to transform and no lambda call site
     * failed to link.
     */
    static void assertSilentAndNoTransformFailure(JvmRun run) {
        assertEquals("", run.stderr(), () -> "nothing should be printed on stderr\n" + run.report());
        ReportedCounters.assertNoTransformFailure(run);
        assertEquals(0, ReportedCounters.counter(run, "link.failures"), () -> "no link failure\n" + run.report());
    }

    /** The reader read what the writer wrote, and each object computes there what it computed in the writer. */
    static void assertTravelled(JvmRun writer, JvmRun reader) {
        List<String> wrote = writer.linesAfter(Travel.WROTE);
        assertFalse(wrote.isEmpty(), () -> "the writer wrote nothing\n" + writer.report());
        assertEquals(wrote, reader.linesAfter(Travel.READ), () -> "the reader should compute what the writer did\n"
                + writer.report() + "\n" + reader.report());
        assertEquals("", reader.stderr(), reader::report);
    }
}
