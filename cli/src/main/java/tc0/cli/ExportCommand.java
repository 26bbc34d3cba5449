package tc0.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.io.Format;

/** {@code tc0 export}: write a circuit in another format. */
@Command(name = "export",
        header = "Write a circuit (or a compiled spec) as AIGER, .tc0c, Verilog, DOT, GraphML or JSON.",
        mixinStandardHelpOptions = true,
        description = {
            "Write a circuit in another format: a circuit format tc0 reads back (aag, aig, tc0c) or an",
            "export for other tools (verilog for Yosys and Icarus, dot for graphviz, graphml, json).",
            "General threshold gates are decomposed into ANDs when writing AIGER.",
            "The file is written to a temporary name and renamed, so it is never half-written.",
            "A spec (.tc0) is compiled in memory first, for the --set values, as 'tc0 compile' does.",
            "",
            "Examples:  tc0 export examples/circuits/full_adder.aag --format verilog -o full_adder.v",
            "           tc0 export examples/circuits/epfl/ctrl.aig -o ctrl.dot      (format from the extension)",
            "           tc0 export examples/gcn.tc0 --set n=4 -o gcn4.v"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a circuit file (.aag, .aig, .tc0c) or a spec (.tc0)")
    Path file;

    @Mixin
    SpecSettings settings;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "aag, aig, tc0c, verilog, dot, graphml or json (default: from the extension of -o)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the file to write, or - for standard output")
    String output;

    @Override
    public Integer call() throws IOException {
        Format f = resolveFormat();
        if (!output.equals("-")) OutputFiles.checkWritable(Path.of(output));
        Circuit c = settings.load(file);
        if (output.equals("-")) {
            OutputStream out = new BufferedOutputStream(System.out);
            f.writer().write(c, out);
            out.flush();
        } else {
            OutputFiles.write(c, Path.of(output), f);
            spec.commandLine().getErr().println("tc0: wrote " + output + " (" + f.userName() + ")");
        }
        return ExitCodes.OK;
    }

    private Format resolveFormat() {
        String names = Arrays.stream(Format.values()).map(Format::userName).collect(Collectors.joining(", "));
        if (format != null) {
            return Format.byName(format).orElseThrow(() -> new UserError("unknown format '" + format + "'; use one of " + names));
        }
        return Format.byFileName(output).orElseThrow(() -> new UserError(
                "cannot tell the format from '" + output + "'; give --format (one of " + names + ")"));
    }
}
