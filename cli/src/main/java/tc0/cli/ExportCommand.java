package tc0.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.RegionCut;
import tc0.circuits.analysis.RegionLookup;
import tc0.circuits.io.CircuitWriter;
import tc0.circuits.io.Format;
import tc0.circuits.io.verilog.HierarchicalVerilogWriter;
import tc0.circuits.io.verilog.VerilogNames;

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
            "           tc0 export examples/gcn.tc0 --set n=4 -o gcn4.v          (a module per region; --flat: one module)",
            "           tc0 export examples/gcn.tc0 --set n=4 --style netlist -o gcn4.v   (for Yosys: a wire per gate)",
            "           tc0 export examples/gcn.tc0 --set n=4 --region l[0]/gcn_layer -o layer0.dot",
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

    @Option(names = "--region", paramLabel = "PATH", description = {
            "export one region (e.g. layer[0]/attention): its gates, the wires entering it as one-bit inputs,",
            "the gates read from outside it as one-bit outputs (named by the whole circuit's nodes)"})
    String region;

    @Option(names = "--flat", description = {
            "verilog: one flat module, an assign per gate (default: a module per region, repeated regions and",
            "gate functions written once and instantiated)"})
    boolean flat;

    @Option(names = "--style", paramLabel = "STYLE", description = {
            "verilog hierarchy: 'simulation' (default: each module's gates in one always block, fast in Icarus)",
            "or 'netlist' (a wire per gate, the narrowest AND, OR or sum of it: for synthesis in Yosys)"})
    String style;

    @Override
    public Integer call() {
        Format f = resolveFormat();
        if (flat && f != Format.VERILOG) throw new UserError("--flat is for --format verilog only; leave it out for " + f.userName());
        HierarchicalVerilogWriter.Style verilogStyle = verilogStyle(f); // checked for every format: --style elsewhere is refused
        CircuitWriter writer = f == Format.VERILOG && !flat ? new HierarchicalVerilogWriter(VerilogNames.DEFAULT_MODULE, verilogStyle) : f.writer();
        boolean stdout = OutputFiles.isStandardOutput(output);
        if (!stdout) {
            OutputFiles.checkOutput("-o", Path.of(output), file);
        }
        Circuit c = settings.load(file);
        if (region != null) c = RegionCut.of(c, regionId(c));
        if (stdout) {
            OutputFiles.writeStandardOutput(c, writer, spec.commandLine().getOut());
        } else {
            OutputFiles.write(c, Path.of(output), writer);
            spec.commandLine().getErr().println("tc0: wrote " + output + " (" + f.userName() + ")");
        }
        return ExitCodes.OK;
    }

    private HierarchicalVerilogWriter.Style verilogStyle(Format f) {
        if (style == null) return HierarchicalVerilogWriter.Style.SIMULATION;
        if (f != Format.VERILOG || flat) {
            throw new UserError("--style is for the verilog hierarchy only; leave it out for " + (flat ? "--flat" : f.userName()));
        }
        return switch (style) {
            case "simulation" -> HierarchicalVerilogWriter.Style.SIMULATION;
            case "netlist" -> HierarchicalVerilogWriter.Style.NETLIST;
            default -> throw new UserError("--style " + style + ": unknown; use simulation or netlist");
        };
    }

    private int regionId(Circuit c) {
        int id = RegionLookup.find(c.regions(), region);
        if (id >= 0) return id;
        List<String> near = RegionLookup.nearest(c.regions(), region, 3);
        throw new UserError(near.isEmpty()
                ? "--region " + region + ": " + file + " has no regions; leave out --region"
                : "--region " + region + ": no such region in " + file + "; nearest: " + String.join(", ", near)
                        + " (tc0 stats --by-region lists them)");
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
