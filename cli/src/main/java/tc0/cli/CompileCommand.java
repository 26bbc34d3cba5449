package tc0.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.Levels;
import tc0.circuits.io.Format;
import tc0.compiler.lower.Lowered;

/** {@code tc0 compile}: a spec, for given parameter values, to a circuit file. */
@Command(name = "compile",
        header = "Compile a spec (.tc0) for given parameter values into a threshold circuit file.",
        mixinStandardHelpOptions = true,
        description = {
            "Check the spec, elaborate it for the parameter values (defaults unless --set), count its size",
            "(refused above --max-gates: nothing is built or written), lower every",
            "tensor operation through the gadget library, and write the circuit (default format: .tc0c,",
            "tc0's own; any format of 'tc0 export' by the extension of -o; -o - writes .tc0c to standard",
            "output). Prints the circuit's figures (to standard error with -o -). The file is written to a",
            "partial file (.OUT.tc0-partial-...) and renamed, so it is never half-written; -o cannot be the spec.",
            "Every operation of the language lowers; every example compiles at n = 4, most at n = 8",
            "(see docs/PERFORMANCE.md for sizes, times and memory per example).",
            "",
            "Example:  tc0 compile examples/gcn.tc0 --set n=4 -o gcn4.tc0c"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpecOptions specOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the circuit file to write, or - for standard output")
    String output;

    @Option(names = "--timings", description = "print the wall time and gates per second of each stage"
            + " (check, elaborate, count, lower, write, stats) to stderr")
    boolean timings;

    @Override
    public Integer call() {
        Format f = Format.byFileName(output).orElse(Format.TC0C);
        boolean stdout = OutputFiles.isStandardOutput(output);
        if (!stdout) {
            OutputFiles.checkOutput("-o", Path.of(output), specOptions.file);
        }
        Phases phases = new Phases(timings);
        Lowered l = specOptions.compile(phases);
        if (stdout) OutputFiles.writeStandardOutput(l.circuit(), f, spec.commandLine().getOut());
        else OutputFiles.write(l.circuit(), Path.of(output), f);
        phases.mark("write");
        Circuit c = l.circuit();
        Levels levels = Levels.of(c); // depth and width only: CircuitStats would also pass over every weight
        long width = 0;
        long[] profile = levels.profile(c);
        for (int lv = 1; lv < profile.length; lv++) width = Math.max(width, profile[lv]);
        phases.mark("stats");
        java.io.PrintWriter figures = stdout ? spec.commandLine().getErr() : spec.commandLine().getOut(); // not into the circuit's bytes
        figures.printf("%s: %,d gates, %,d wires, depth %d, width %,d -> %s (%s)%n",
                specOptions.file, c.gateCount(), c.wireCount(), levels.depth(), width, stdout ? "standard output" : output, f.userName());
        figures.flush();
        phases.print(spec.commandLine().getErr(), c.gateCount());
        return ExitCodes.OK;
    }
}
