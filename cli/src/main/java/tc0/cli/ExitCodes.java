package tc0.cli;

import picocli.CommandLine;

/** The exit codes every command shares, and the picocli set-up that maps errors onto them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}

    /** What to say when the heap is spent: the heap's size and the ways around it. */
    static String outOfMemory() {
        long gib = Runtime.getRuntime().maxMemory() >> 30;
        return "out of memory (heap " + (gib > 0 ? gib + " GiB" : (Runtime.getRuntime().maxMemory() >> 20) + " MiB")
                + "); try a smaller n, 'tc0 sweep --count-only' to count without building,"
                + " or a larger heap through TC0_JAVA_OPTS, e.g. TC0_JAVA_OPTS=-Xmx20g";
    }

    /** A command line whose usage errors exit 2 and whose {@link UserError}s print one line and exit 2. */
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
            throw ex;
        });
        return cl;
    }
}
