package tc0.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.analysis.CircuitStats;
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
            "tc0's own; any format of 'tc0 export' by the extension of -o). Prints the circuit's figures.",
            "Every operation of the language lowers; every example compiles at n = 4, most at n = 8",
            "(see docs/PERFORMANCE.md for sizes, times and memory per example).",
            "",
            "Example:  tc0 compile examples/gcn.tc0 --set n=4 -o gcn4.tc0c"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpecOptions specOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the circuit file to write")
    Path output;

    @Override
    public Integer call() {
        Format f = Format.byFileName(output.toString()).orElse(Format.TC0C);
        OutputFiles.checkWritable(output);
        Lowered l = specOptions.compile();
        OutputFiles.write(l.circuit(), output, f);
        CircuitStats s = CircuitStats.of(l.circuit());
        spec.commandLine().getOut().printf("%s: %,d gates, %,d wires, depth %d, width %,d -> %s (%s)%n",
                specOptions.file, s.gates(), s.wires(), s.depth(), s.width(), output, f.userName());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
