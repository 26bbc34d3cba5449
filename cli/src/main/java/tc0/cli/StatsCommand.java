package tc0.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.Circuit;
import tc0.circuits.analysis.CircuitStats;
import tc0.circuits.analysis.RegionBreakdown;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;

/** {@code tc0 stats}: the figures of a circuit. */
@Command(name = "stats",
        header = "Print a circuit's (or a compiled spec's) figures: gates, wires, depth, width, fan-in, weights.",
        mixinStandardHelpOptions = true,
        description = {
            "Print the size figures of a circuit: inputs, outputs, gates (threshold gates), wires, depth",
            "(longest path in threshold gates; inversions are free), width (most gates on one level),",
            "largest fan-in, largest |weight| in bits, and the size in the majority-gate model",
            "(a weight w counts as |w| wires). A spec (.tc0) is compiled in memory first, for the",
            "--set values, as 'tc0 compile' does; --by-region then shows every layer, block and gadget.",
            "",
            "With --count-only a spec is counted, not built: depth, gates, wires and width of the circuit",
            "'tc0 compile' would build without structural hashing, exactly, at any n (seconds, no memory",
            "limit; 'tc0 sweep --count-only' does it for several n). Where the count cannot summarise an",
            "op (two views of one tensor in it), one line on standard error names it, and a program of up",
            "to 2^20 elements is built to be counted, stopped past --max-gates (or what the heap holds).",
            "",
            "Examples:  tc0 stats examples/circuits/full_adder.aag",
            "           tc0 stats examples/circuits/epfl/hyp.aig --json",
            "           tc0 stats examples/gin.tc0 --set n=8 --by-region",
            "           tc0 stats examples/rope_transformer.tc0 --set n=4096 --count-only"})
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a circuit file (.aag, .aig, .tc0c) or a spec (.tc0)")
    Path file;

    @Mixin
    SpecSettings settings;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Option(names = "--levels", description = "also print the number of gates on every level")
    boolean levels;

    @Option(names = "--by-region", description = "also print the figures of every region (layer, block, gadget) as an indented table")
    boolean byRegion;

    @Option(names = "--count-only", description = "for a spec: count the circuit without building it (exact figures of the build without hashing)")
    boolean countOnly;

    @Option(names = "--plot", paramLabel = "F.svg", description = "also write the per-level width profile (gates on each level) as an SVG bar chart")
    Path plot;

    @Override
    public Integer call() {
        if (plot != null && countOnly) throw new UserError("--count-only has no levels to plot; leave out --plot or --count-only");
        if (plot != null) OutputFiles.checkReportFile("--plot", plot, file);
        if (countOnly) return counted();
        SpecSettings.Opened opened = settings.open(file);
        Circuit c = opened.circuit();
        CircuitStats s = CircuitStats.of(c);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = figures(s);
            if (levels) m.put("levelProfile", s.levelProfile());
            if (byRegion) m.put("regions", RegionBreakdown.of(c).preorder());
            out.println(Json.write(m));
        } else {
            out.println(opened.title());
            figures(s).forEach((k, v) -> out.printf("  %-14s %,d%n", k, ((Number) v).longValue()));
            if (levels) {
                out.println("  gates per level:");
                long[] p = s.levelProfile();
                for (int l = 1; l < p.length; l++) out.printf("    %6d  %,d%n", l, p[l]);
            }
            if (byRegion) {
                out.println();
                out.print(RegionBreakdown.of(c).table());
            }
        }
        out.flush();
        if (plot != null) {
            String svg = WidthProfilePlot.svg(opened.title() + ": gates per level", s.levelProfile());
            OutputFiles.write(plot, o -> o.write(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            spec.commandLine().getErr().println("tc0: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    private int counted() {
        if (!SpecCompiler.isSpec(file)) throw new UserError("--count-only counts a spec (.tc0), and " + file + " is a circuit file");
        if (levels || byRegion) throw new UserError("--count-only gives depth, gates, wires and width only; leave out " + (levels ? "--levels" : "--by-region"));
        TensorProgram p = SpecCompiler.elaborateForCounting(file, settings.values());
        CountedCost c = SpecCompiler.count(file, p, WeightedSum.DEFAULT_ROUNDS, settings.guard(SizeGuard.BUILD_HINT), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", c.depth());
        m.put("gates", c.gates());
        m.put("wires", c.wires());
        m.put("width", c.width());
        if (json) {
            m.put("counted", true);
            m.put("weightsPast63Bits", c.wide());
            out.println(Json.write(m));
        } else {
            out.println(SpecCompiler.describe(file, p) + ": counted without building (no structural hashing: sizes an upper bound on the built ones)");
            m.forEach((k, v) -> out.printf("  %-14s %,d%n", k, v));
            if (c.wide()) out.println("  (weights past 63 bits: counted exactly, not buildable by tc0)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The figures every front end shows, in a fixed order. */
    static Map<String, Object> figures(CircuitStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", s.inputs());
        m.put("outputs", s.outputs());
        m.put("gates", s.gates());
        m.put("wires", s.wires());
        m.put("depth", s.depth());
        m.put("width", s.width());
        m.put("maxFanin", s.maxFanin());
        m.put("maxWeightBits", s.maxWeightBits());
        m.put("majoritySize", s.majoritySize());
        return m;
    }
}
