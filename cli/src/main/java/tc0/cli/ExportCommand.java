package tc0.cli;

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
        header = "Write a circuit (or a compiled spec) as AIGER, .tc0c, Verilog, DOT, GraphML, JSON or an HTML viewer.",
        mixinStandardHelpOptions = true,
        description = {
            "Write a circuit in another format: a circuit format tc0 reads back (aag, aig, tc0c) or an",
            "export for other tools (verilog for Yosys and Icarus, dot for graphviz, graphml, json), or html:",
            "one self-contained page to open in a browser, offline, that draws the region tree by level.",
            "General threshold gates are decomposed into ANDs when writing AIGER.",
            "The file is written to a partial file (.OUT.tc0-partial-...) and renamed, so it is never",
            "half-written; a device or named pipe (-o /dev/null) is written straight through. -o - writes to",
            "standard output (give --format). An -o whose extension names a format must agree with --format,",
            "and -o cannot be the input file.",
            "A spec (.tc0) is compiled in memory first, for the --set values, as 'tc0 compile' does.",
            "",
            "Examples:  tc0 export examples/circuits/full_adder.aag --format verilog -o full_adder.v",
            "           tc0 export examples/circuits/epfl/ctrl.aig -o ctrl.dot      (format from the extension)",
            "           tc0 export examples/gcn.tc0 --set n=4 -o gcn4.v",
            "           tc0 export examples/softmax_transformer.tc0 --set n=4 -o transformer.html"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a circuit file (.aag, .aig, .tc0c) or a spec (.tc0)")
    Path file;

    @Mixin
    SpecSettings settings;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "aag, aig, tc0c, verilog, dot, graphml, json or html (default: from the extension of -o)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "the file to write, or - for standard output")
    String output;

    @Override
    public Integer call() {
        Format f = resolveFormat();
        boolean stdout = OutputFiles.isStandardOutput(output);
        if (!stdout) {
            OutputFiles.checkOutput("-o", Path.of(output), file);
        }
        Circuit c = settings.load(file);
        if (stdout) {
            OutputFiles.writeStandardOutput(c, f, spec.commandLine().getOut());
        } else {
            OutputFiles.write(c, Path.of(output), f);
            spec.commandLine().getErr().println("tc0: wrote " + output + " (" + f.userName() + ")");
        }
        return ExitCodes.OK;
    }

    private Format resolveFormat() {
        String names = Arrays.stream(Format.values()).map(Format::userName).collect(Collectors.joining(", "));
        if (format != null) {
            Format f = Format.byName(format).orElseThrow(() -> new UserError("unknown format '" + format + "'; use one of " + names));
            Format named = Format.byFileName(output).orElse(f);
            if (named != f) { // a file that says one format and holds another: tc0 could not read it back
                throw new UserError("-o " + output + " names a " + named.userName() + " file, but --format is " + f.userName()
                        + "; end the file name in ." + f.extension() + " or leave out --format");
            }
            return f;
        }
        return Format.byFileName(output).orElseThrow(() -> new UserError(
                "cannot tell the format from '" + output + "'; give --format (one of " + names + ")"));
    }
}
