package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

/** What a {@link ForkedJvm} did: its exit code and everything it printed. */
public record JvmRun(String description, List<String> command, int exitCode, String stdout, String stderr) {

    public JvmRun {
        command = List.copyOf(command);
    }

    public List<String> stdoutLines() {
        return stdout.lines().collect(Collectors.toList());
    }

    public List<String> stderrLines() {
        return stderr.lines().collect(Collectors.toList());
    }

    /** The stdout lines that start with {@code prefix}, the prefix removed. */
    public List<String> linesAfter(String prefix) {
        return stdout.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .collect(Collectors.toList());
    }

    public JvmRun assertExitCode(int expected) {
        assertEquals(expected, exitCode, () -> "unexpected exit code\n" + report());
        return this;
    }

    public JvmRun assertSucceeded() {
        return assertExitCode(0);
    }

    /** Everything about the run, for failure messages. */
    public String report() {
        return "--- " + description + "\n--- command: " + String.join(" ", command) + "\n--- exit code: " + exitCode
                + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr + "--- end";
    }
}
