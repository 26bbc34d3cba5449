package tc0.cli;

import picocli.CommandLine;

/** The exit codes every command shares, and the picocli set-up that maps errors onto them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** The JVM's heap was spent: not the input's fault, a larger heap or a smaller n may do. */
    public static final int OUT_OF_MEMORY = 3;
    /** A fault in tc0 itself (an exception no check foresaw): one line, the stack trace only with TC0_DEBUG set. */
    public static final int INTERNAL_ERROR = 4;

    /** The line every help text that lists the exit codes shows. */
    static final String LIST = "Exit codes: 0 ok, 1 a check failed, 2 bad input or usage (or an output that cannot be written), 3 out of memory,"
            + " 4 an internal error (a bug in tc0; TC0_DEBUG=1 prints its stack trace).";

    private ExitCodes() {}

    /**
     * What to say when the heap is spent: the heap's size and the ways around it. {@code counting}: the user
     * already counts without building ({@code --count-only}), so that is no way around it.
     */
    static String outOfMemory(boolean counting) {
        return "out of memory (heap " + heap() + "); try a smaller n, "
                + (counting ? "" : "'tc0 sweep --count-only' to count without building, ")
                + "or a larger heap through TC0_JAVA_OPTS, e.g. TC0_JAVA_OPTS=-Xmx20g";
    }

    /** "5 GiB", or "24 MiB" under a GiB: the JVM's largest heap. */
    static String heap() {
        long max = Runtime.getRuntime().maxMemory();
        return max >= 1L << 30 ? (max >> 30) + " GiB" : (max >> 20) + " MiB";
    }

    /** An unforeseen exception's message, or where it came from when it has none (no class name: users read it). */
    static String internal(Exception ex) {
        if (ex.getMessage() != null && !ex.getMessage().isBlank()) return ex.getMessage();
        StackTraceElement[] at = ex.getStackTrace();
        return at.length == 0 ? "no message" : "no message (at " + at[0].getFileName() + ":" + at[0].getLineNumber() + ")";
    }

    /** A command line whose usage errors exit 2 and whose {@link UserError}s print one line and exit with their code. */
    public static CommandLine commandLine(Object command) {
        return configure(new CommandLine(command));
    }

    /** Sets the exit codes and error handling on {@code cl} and every subcommand it has now (add them first). */
    static CommandLine configure(CommandLine cl) {
        cl.setUsageHelpWidth(100);
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("tc0: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserError u) {
                cmd.getErr().println("tc0: " + u.getMessage());
                return u.exitCode();
            }
            if (ex instanceof tc0.circuits.gpu.GpuFailureException g) { // the GPU failed mid-run: one line, as at open
                cmd.getErr().println("tc0: the GPU failed: " + g.getMessage().lines().findFirst().orElse("")
                        + "; --backend cpu evaluates without it");
                return BAD_INPUT;
            }
            if (System.getenv("TC0_DEBUG") != null) throw ex;
            cmd.getErr().println("tc0: internal error: " + internal(ex)
                    + " -- a bug in tc0, please report it with the command line; TC0_DEBUG=1 prints its stack trace");
            return INTERNAL_ERROR;
        });
        return cl;
    }
}
