package tc0.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time per stage of a command, for {@code --timings}: each {@link #mark} closes the stage that ran
 * since the previous mark. Measured in the process, so JVM start-up is not in it. Beside the wall time, the
 * CPU time of the thread doing the work: far less than the wall time means the stage waited (for a core on
 * a busy machine, for the garbage collector, or for fresh memory from the operating system). A disabled
 * instance records nothing.
 */
final class Phases {
    /** Records nothing. */
    static final Phases NONE = new Phases(false);

    private final boolean on;
    private final ThreadMXBean threads;
    private final long start;
    private final long startCpu;
    private long last;
    private long lastCpu;
    private final List<String> names = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>(); // {wall, cpu} nanoseconds

    Phases(boolean on) {
        this.on = on;
        this.threads = on ? ManagementFactory.getThreadMXBean() : null;
        this.start = last = System.nanoTime();
        this.startCpu = lastCpu = cpu();
    }

    /** Ends the stage {@code name}: the time since the previous mark (or since this object was made). */
    void mark(String name) {
        if (!on) return;
        long now = System.nanoTime(), nowCpu = cpu();
        names.add(name);
        times.add(new long[] {now - last, nowCpu - lastCpu});
        last = now;
        lastCpu = nowCpu;
    }

    /** One line per stage (wall time, the thread's CPU time, gates per second of wall time), then the total. */
    void print(PrintWriter err, long gates) {
        if (!on) return;
        err.printf("  %-10s %9s %9s %14s%n", "stage", "wall", "cpu", "gates/s");
        for (int i = 0; i < names.size(); i++) line(err, names.get(i), times.get(i)[0], times.get(i)[1], gates);
        line(err, "total", last - start, lastCpu - startCpu, gates);
        err.println("  (in the process: JVM start-up is not counted; cpu is the compiling thread's, without the GC's and JIT's threads)");
        err.flush();
    }

    private static void line(PrintWriter err, String name, long wall, long cpu, long gates) {
        err.printf("  %-10s %7.3f s %7.3f s %10.2f M%n", name, wall / 1e9, cpu / 1e9, gates / (wall / 1e3));
    }

    private long cpu() {
        return threads == null ? 0 : threads.getCurrentThreadCpuTime();
    }
}
