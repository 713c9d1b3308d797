package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches, while the benchmarks run, how much CPU processes other than this JVM and its children use (Linux only:
 * {@code /proc}). Every few seconds it takes the machine's busy time from {@code /proc/stat} and subtracts this
 * process tree's: its own and its reaped children's time from {@code /proc/self/stat} plus the time of the children
 * still running. What is left was used by other work, which makes the numbers noisy on a small machine.
 */
final class CpuMonitor {

    private static final long PERIOD_MS = 5000;

    private final List<Double> others = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private CpuMonitor() {
        thread = new Thread(this::watch, "ferry-bench-cpu-monitor");
        thread.setDaemon(true);
    }

    /** Starts watching; returns null where {@code /proc} cannot be read. */
    static CpuMonitor start() {
        if (machineTicks() == null || treeTicks() < 0) {
            return null;
        }
        CpuMonitor monitor = new CpuMonitor();
        monitor.thread.start();
        return monitor;
    }

    private void watch() {
        long[] machine = machineTicks();
        long tree = treeTicks();
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long[] nextMachine = machineTicks();
            long nextTree = treeTicks();
            if (machine != null && nextMachine != null && tree >= 0 && nextTree >= 0 && nextMachine[1] > machine[1]) {
                long otherTicks = nextMachine[0] - machine[0] - (nextTree - tree);
                double other = (double) otherTicks / (nextMachine[1] - machine[1]);
                synchronized (others) {
                    others.add(Math.max(0, other));
                }
            }
            machine = nextMachine;
            tree = nextTree;
        }
    }

    /**
     * Stops watching; returns a description of the other work if it took more than 5% of the machine on average or
     * more than 25% in some interval, else null.
     */
    String stop() {
        running = false;
        thread.interrupt();
        List<Double> values;
        synchronized (others) {
            values = new ArrayList<>(others);
        }
        if (values.isEmpty()) {
            return null;
        }
        Stats s = Stats.of(values);
        long busyIntervals = values.stream().filter(v -> v > 0.25).count();
        if (s.mean() <= 0.05 && busyIntervals == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "other processes used %.0f%% of the CPUs on average during the run, more "
                + "than 25%% in %d of %d intervals of %d s (peak %.0f%%)", s.mean() * 100, busyIntervals, values.size(),
                PERIOD_MS / 1000, s.max() * 100);
    }

    /** {busy, total} ticks of all CPUs from /proc/stat, or null. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU ticks of this JVM, its reaped children and its live children; -1 where unreadable. */
    private static long treeTicks() {
        long self = processTicks(Path.of("/proc/self/stat"), true);
        if (self < 0) {
            return -1;
        }
        long children = ProcessHandle.current().children()
                .mapToLong(p -> Math.max(0, processTicks(Path.of("/proc", Long.toString(p.pid()), "stat"), false)))
                .sum();
        return self + children;
    }

    /** utime + stime (+ cutime + cstime) of a /proc/PID/stat file, or -1. */
    private static long processTicks(Path stat, boolean withReapedChildren) {
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
