package tc0.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tc0} command: one picocli subcommand per job. Exit codes: 0 ok, 1 a check failed, 2 bad input. */
@Command(name = "tc0",
        mixinStandardHelpOptions = true,
        version = "tc0 0.1.0",
        description = "Compile neural architectures into threshold circuits, count and check them.",
        subcommands = {ParseCommand.class, StatsCommand.class, ExportCommand.class, RunCommand.class, BenchCommand.class, BenchBuilderCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.commandLine(new Main()).execute(args));
    }
}
