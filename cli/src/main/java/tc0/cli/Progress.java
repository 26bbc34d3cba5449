package tc0.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One status line on a terminal while a long stage runs ("tc0: lowering examples/gin.tc0 (n=256, ...): 12.1 M
 * of 32.2 M gates (38%), 9 s"), rewritten every second from the second second on and erased when the stage
 * ends. Off where standard error is not a terminal (pipes, files, tests), so no output changes there.
 */
final class Progress implements AutoCloseable {
    private final String what;
    private final long total;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile long gates;
    private int shown; // length of the line on screen, 0 when none (touched by the timer thread only, then by close)

    private boolean closed;

    /** Shows nothing. */
    private static final Progress NONE = new Progress();

    private Progress() {
        this.what = "";
        this.total = 0;
        this.err = null;
        this.timer = null;
    }

    private Progress(String what, long total, PrintStream err, long firstMillis, long everyMillis) {
        this.what = what;
        this.total = total;
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tc0-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::show, firstMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A status line for {@code what} on standard error if it is a terminal, else one that shows nothing.
     * {@code totalGates}: the count the gates so far are shown against; 0 for none; negative to show the
     * elapsed time alone (a stage that builds no gates).
     */
    static Progress onTerminal(String what, long totalGates) {
        Console console = System.console();
        return console != null && console.isTerminal() ? new Progress(what, totalGates, System.err, 2000, 1000) : NONE;
    }

    /** A status line written to {@code err} every {@code everyMillis} from {@code firstMillis} on: for tests. */
    static Progress to(PrintStream err, String what, long totalGates, long firstMillis, long everyMillis) {
        return new Progress(what, totalGates, err, firstMillis, everyMillis);
    }

    /** The gates built so far. */
    void gates(long built) {
        gates = built;
    }

    private synchronized void show() {
        if (closed) return; // a tick that waited for close()
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String line = total > 0
                ? String.format("tc0: %s: %s of %s gates (%d%%), %d s", what, millions(gates), millions(total), Math.min(100, 100 * gates / total), seconds)
                : total == 0 ? String.format("tc0: %s: %s gates, %d s", what, millions(gates), seconds)
                : String.format("tc0: %s: %d s", what, seconds);
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    private static String millions(long n) {
        return n < 1_000_000 ? String.format("%,d", n) : String.format("%.1f M", n / 1e6);
    }

    /** Stops the line and erases it, so what follows starts on a clean line. */
    @Override
    public synchronized void close() {
        if (timer == null) return;
        closed = true;
        timer.shutdownNow();
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
