package dev.ferry.it.specialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.JvmRun;
import dev.ferry.it.support.FerryCounters;
import java.util.List;

/** Assertions on what the forked specialization programs print. */
final class ProgramOutput {

    /** Every line the programs print starts with one of these: any other line came from somewhere else. */
    private static final List<String> PROGRAM_LINES = List.of("PASS ", "FAIL ", "    ", "RESULT ", "REASONS ",
            "GENERATIONS ", "NAME ", FerryCounters.LINE_PREFIX);

    private ProgramOutput() {
    }

    /** Ferry printed nothing: stderr is empty and every stdout line is the program's own. */
    static void assertFerrySilent(JvmRun run) {
        assertEquals("", run.stderr(), () -> "stderr should be empty\n" + run.report());
        List<String> foreign = run.stdoutLines().stream()
                .filter(line -> PROGRAM_LINES.stream().noneMatch(line::startsWith)).toList();
        assertEquals(List.of(), foreign, () -> "lines the program did not print\n" + run.report());
    }

    /** The one {@code <prefix> <name> <text>} line's text. */
    static String line(JvmRun run, String prefix, String name) {
        List<String> lines = run.linesAfter(prefix + " " + name + " ");
        assertEquals(1, lines.size(), () -> "one " + prefix + " line expected for " + name + "\n" + run.report());
        return lines.get(0);
    }
}
