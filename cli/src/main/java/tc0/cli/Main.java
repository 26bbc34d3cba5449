package tc0.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tc0} command: one picocli subcommand per job. Exit codes: {@link ExitCodes}. */
@Command(name = "tc0",
        mixinStandardHelpOptions = true,
        version = "tc0 0.1.0",
        header = "Compile neural architectures into threshold circuits, count and check them.",
        description = {
            "",
            "Start here:",
            "  tc0 lemmas --paper 2411.07602                       the RoPE paper's claims checked on tc0's circuits",
            "  tc0 parse examples/rope_transformer.tc0 --set n=8   check a spec, see every shape",
            "  tc0 stats examples/circuits/full_adder.aag          a circuit's depth, size, width",
            "  tc0 run examples/circuits/epfl/ctrl.aig --random 4  evaluate it",
            "  tc0 stats examples/gin.tc0 --set n=4                compile a spec in memory, its figures",
            "  tc0 sweep examples/gin.tc0 --n 2,4,8                how depth and size grow with n",
            "  tc0 check examples/gin.tc0 --n 2,4,8                its asserted bounds against the circuit",
            "",
            ExitCodes.LIST,
            ""},
        commandListHeading = "%nCommands:%n")
public final class Main implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(ParseCommand.class, CompileCommand.class, VerifyCommand.class,
            StatsCommand.class, ExportCommand.class, RunCommand.class, SweepCommand.class, CheckCommand.class, LemmasCommand.class, PrimitivesCommand.class, BenchCommand.class,
            BenchBuilderCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when they name one (picocli builds
     * a command's model by reflection: a class-loading log showed 0.18 s from picocli's first class to the command's
     * own with all of them), else with all (usage, help).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> named = null;
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) named = c;
            }
        }
        for (Class<?> c : named == null ? COMMANDS : List.of(named)) cl.addSubcommand(instance(c));
        // every command's standard output is checked once it returns: a failed write is not a success
        cl.setExecutionStrategy(parsed -> StandardOutput.afterCommand(cl, new CommandLine.RunLast().execute(parsed)));
        return ExitCodes.configure(cl);
    }

    private static Object instance(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make command " + c.getName(), e);
        }
    }

    public static void main(String[] args) {
        int code;
        StandardOutput out = StandardOutput.ofProcess(); // buffered, not flushed a line at a time: flushed here at the end
        try {
            CommandLine cl = commandLine(args);
            cl.setOut(out);
            code = cl.execute(args);
            String then = System.getProperty(AotTraining.PROPERTY); // the launcher's cache training: more commands in this JVM
            if (then != null && code == 0) code = AotTraining.runThen(then);
        } catch (OutOfMemoryError e) {
            // Thrown past picocli (an Error, not an Exception): one line, no stack trace. Outputs are written
            // through a partial file, so nothing half-written is left.
            System.err.println("tc0: " + ExitCodes.outOfMemory(List.of(args).contains("--count-only")));
            code = ExitCodes.OUT_OF_MEMORY;
        }
        out.flush(); // what a command printed before it failed
        System.exit(code);
    }
}
