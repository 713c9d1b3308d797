package dev.ferry.bench.apps;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs an application's {@code main}, then prints what the process used up to its end, and exits:
 * {@code cpuMs=<user + system CPU of the process> peakRssKb=<peak resident set>} (Linux; -1 where unknown). The
 * benchmark runs it with and without the agent, so whatever this wrapper costs is the same on both sides.
 *
 * <pre>MeasuredMain MAIN_CLASS [ARGS...]</pre>
 */
public final class MeasuredMain {

    private MeasuredMain() {
    }

    public static void main(String[] args) throws Throwable {
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.out.println("cpuMs=" + cpuMs + " peakRssKb=" + peakRssKb());
        System.out.flush();
        // the application's non-daemon threads (a member's, a context's) must not lengthen the measured run
        System.exit(0);
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }
}
