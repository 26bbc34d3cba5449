package tc0.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.lower.Lowered;
import tc0.proofs.structural.SweepPlot;
import tc0.proofs.structural.SweepPoint;

/** {@code tc0 sweep}: a spec at several n, how its depth and size grow. */
@Command(name = "sweep",
        header = "Compile (or count) a spec at several n and show how depth and size grow.",
        mixinStandardHelpOptions = true,
        description = {
            "For every n of --n: elaborate the spec with that n (other parameters from --set or their",
            "defaults), build the circuit and measure it, or with --count-only count it without building",
            "(seconds instead of minutes, and no memory limit; counted sizes are those of a build without",
            "structural hashing, never below the built ones, and width is an upper bound). A row is printed",
            "as each n finishes. Then: the fitted polynomial degree of size (gates ~ c * n^k, least",
            "squares on log-log over the larger half of n) and whether depth is the same at every n - the",
            "TC0 claim is constant depth and polynomial size. A sweep is evidence about the n swept, not a",
            "proof for all n. Built mode counts each n first and stops at one above --max-gates.",
            "A counted row marked * is of a circuit whose weights or thresholds pass 63 bits: counted exactly",
            "(its gates do not depend on them) but tc0's builder, with 64-bit weights, cannot build it.",
            "Where the count cannot summarise an op (two views of one tensor in it), one line on standard",
            "error names it, and a program of up to 2^20 elements is built to be counted, stopped past",
            "--max-gates (or what the heap holds).",
            "",
            "Examples:",
            "  tc0 sweep examples/gin.tc0 --n 2,4,8 --csv gin.csv --plot gin.svg",
            "  tc0 sweep examples/gin.tc0 --n 4,8,16,32,64 --count-only --set layers=3 --json",
            "  tc0 sweep examples/contrast/tree_sum.tc0 --n 4,8,16,32      depth grows: not TC0",
            ""})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "the spec file (.tc0); it must have a parameter n")
    Path file;

    @Option(names = "--n", paramLabel = "N,N,...", required = true, description = "the values of n, at least two, e.g. 4,8,16,32")
    String ns;

    @Mixin
    SpecSettings settings;

    @Option(names = "--count-only", description = "count each circuit's figures without building it")
    boolean countOnly;

    @Option(names = "--rounds", paramLabel = "K", description = "compression rounds of every weighted sum (default: ${DEFAULT-VALUE})")
    int rounds = WeightedSum.DEFAULT_ROUNDS;

    @Option(names = "--csv", paramLabel = "F", description = "also write the points as CSV: n,depth,gates,wires,width")
    Path csv;

    @Option(names = "--plot", paramLabel = "F", description = "also draw gates, wires and depth against n on log-log axes: F.svg or F.png")
    Path plot;

    @Option(names = "--json", description = "print one JSON object (points, fitted degree, constant depth) instead of the summary; rows go to standard error")
    boolean json;

    static final String HINT = "use --count-only to count without building, leave out the larger n, or give a larger --max-gates";

    @Override
    public Integer call() {
        long[] nValues = parseN(ns);
        Map<String, Long> values = settings.values();
        if (values.containsKey("n")) throw new UserError("--set n=" + values.get("n") + ": give the values of n with --n");
        if (rounds < 1) throw new UserError("--rounds must be at least 1, not " + rounds);
        SweepPlot.Format plotFormat = plot == null ? null : plotFormat(plot);
        OutputFiles.checkReportFile("--csv", csv, file);
        OutputFiles.checkReportFile("--plot", plot, file);
        if (csv != null && plot != null && csv.toAbsolutePath().normalize().equals(plot.toAbsolutePath().normalize())) {
            throw new UserError("--csv and --plot both name " + csv + "; give two files");
        }
        SizeGuard guard = settings.guard(HINT);

        PrintWriter rows = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        SweepReport report = null;
        List<SweepPoint> points = new ArrayList<>();
        List<Long> wideN = new ArrayList<>(); // counted n whose circuits hold weights past a long
        for (long n : nValues) {
            Map<String, Long> at = new LinkedHashMap<>(values);
            at.put("n", n);
            long start = System.nanoTime();
            TensorProgram p = countOnly ? SpecCompiler.elaborateForCounting(file, at) : SpecCompiler.elaborate(file, at);
            if (report == null) {
                report = new SweepReport(file, p.model(), countOnly, rounds);
                rows.println(report.heading());
                rows.println(SweepReport.TABLE_HEADER);
                rows.flush();
            }
            CountedCost c = countOnly ? SpecCompiler.count(file, p, rounds, guard, spec.commandLine().getErr()) : null; // also past 63-bit weights (wide: counted, not buildable)
            SweepPoint point = c != null ? new SweepPoint(n, c.depth(), c.gates(), c.wires(), c.width()) : built(p, n, guard);
            boolean wide = c != null && c.wide();
            points.add(point);
            if (wide) wideN.add(n);
            rows.println(SweepReport.row(point, (System.nanoTime() - start) / 1e9, wide));
            rows.flush();
        }

        if (csv != null) OutputFiles.write(csv, out -> SweepReport.csv(points, out));
        String title = report.title();
        if (plot != null) OutputFiles.write(plot, out -> SweepPlot.write(title, points, plotFormat, out));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report.json(points, values, wideN)));
        } else {
            if (!wideN.isEmpty()) out.println(SweepReport.WIDE_NOTE);
            report.summary(points).forEach(out::println);
            if (csv != null) out.println("wrote " + csv);
            if (plot != null) out.println("wrote " + plot);
        }
        out.flush();
        return ExitCodes.OK;
    }


    private SweepPoint built(TensorProgram p, long n, SizeGuard guard) {
        Lowered l = SpecCompiler.lower(file, p, rounds, guard);
        CircuitStats s = CircuitStats.of(l.circuit());
        return new SweepPoint(n, s.depth(), s.gates(), s.wires(), s.width());
    }

    /** "4,8,16": the values of n, increasing; at least two, each at least 1, no repeats. */
    static long[] parseN(String text) {
        return parseN(text, 2);
    }

    /** "4,8,16": the values of n, increasing; at least {@code atLeast} (1 or 2) of them, each at least 1, no repeats. */
    static long[] parseN(String text, int atLeast) {
        String usage = "; give " + (atLeast > 1 ? "at least two values" : "values") + " of n separated by commas, e.g. --n 4,8,16";
        if (text.isBlank()) throw new UserError("--n is empty" + usage);
        long[] v;
        try {
            v = Arrays.stream(text.split(",", -1)).map(String::strip).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new UserError("--n " + text + ": not a list of whole numbers" + usage);
        }
        if (v.length < atLeast) throw new UserError("--n " + text + ": one value" + usage);
        Arrays.sort(v);
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 1) throw new UserError("--n " + text + ": n must be at least 1, not " + v[i]);
            if (i > 0 && v[i] == v[i - 1]) throw new UserError("--n " + text + ": " + v[i] + " appears twice");
        }
        return v;
    }

    /** SVG or PNG, by the file's extension. */
    static SweepPlot.Format plotFormat(Path f) {
        String name = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) return SweepPlot.Format.SVG;
        if (name.endsWith(".png")) return SweepPlot.Format.PNG;
        throw new UserError("--plot " + f + ": unknown plot format; give a file name ending in .svg or .png");
    }
}
