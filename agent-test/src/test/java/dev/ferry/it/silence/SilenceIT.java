package dev.ferry.it.silence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.ForkedJvm;
import dev.ferry.it.Jdk;
import dev.ferry.it.JvmRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ferry prints nothing, ever: a program prints exactly the same stdout and stderr with and without it, on each JDK
 * (no CDS warning, no {@code sun.misc.Unsafe} warning, no log line). Two JVM launches per JDK.
 */
class SilenceIT {

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void program_should_print_exactly_the_same_with_and_without_ferry(Jdk jdk) {
        JvmRun without = ForkedJvm.on(jdk).withoutFerry().main(HelloLambdas.class).run().assertSucceeded();
        JvmRun with = ForkedJvm.on(jdk).withFerry().checkingStderrItself().main(HelloLambdas.class).run()
                .assertSucceeded();

        assertEquals(without.stdout(), with.stdout(), () -> "stdout differs\n" + without.report() + "\n" + with.report());
        assertEquals(without.stderr(), with.stderr(), () -> "stderr differs\n" + without.report() + "\n" + with.report());
        assertEquals("", with.stderr(), with::report);
    }
}
