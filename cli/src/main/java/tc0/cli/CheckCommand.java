package tc0.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.ir.TensorProgram;
import tc0.compiler.pipeline.Checked;
import tc0.dsl.ast.Stmt;
import tc0.proofs.symbolic.AssertProofs;

/** {@code tc0 check}: every {@code assert} of a spec against its circuit, at one or more n. */
@Command(name = "check",
        header = "Check a spec's asserted bounds (assert depth/size/wires/width <= ...) against its circuit.",
        mixinStandardHelpOptions = true,
        description = {
            "For every instance (the spec's parameter values, or each n of --n with the other parameters from --set",
            "or their defaults): count the circuit without building it, build it when the size guard allows",
            "(--max-gates, else the heap), and compare each assert's exact bound with the built figure, else with",
            "the counted one (never below the built). A table row per assert and instance: where, the assert, n,",
            "built or counted, measured, bound, slack (bound - measured), bound / measured, verdict; the asserts",
            "are listed first, numbered, and rows name them by number.",
            "Exit 0 if every assert holds; 1 if any fails, with one line on standard error per failure naming",
            "the assert, its bound's value, the measured figure and the instance; 2 for bad input.",
            "",
            "Examples:",
            "  tc0 check examples/gin.tc0",
            "  tc0 check examples/gin.tc0 --n 2,4,8,16,32 --junit check.xml",
            "  tc0 check examples/mamba.tc0 --n 4,8,64,256 --count-only --markdown check.md",
            ""})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "the spec file (.tc0)")
    Path file;

    @Option(names = "--n", paramLabel = "N,N,...", description = "check at each of these n (default: the spec's own parameter values)")
    String ns;

    @Mixin
    SpecSettings settings;

    @Option(names = "--count-only", description = "compare with counted figures only, never build")
    boolean countOnly;

    @Option(names = "--junit", paramLabel = "F.xml", description = "also write JUnit XML: one test case per assert and instance")
    Path junit;

    @Option(names = "--markdown", paramLabel = "F.md", description = "also write the table as Markdown, each sweep an SVG plot beside it")
    Path markdown;

    @Option(names = "--json", description = "print the results as JSON instead of the table")
    boolean json;

    /** The counted figures per n of --n (never the built ones: the formulas are of counts). */
    private final java.util.SortedMap<Long, CountedCost> counted = new java.util.TreeMap<>();
    /** With --n: the count split by node per n, where the summaries give it (a size assert proved for every n from it). */
    private final java.util.SortedMap<Long, List<tc0.proofs.symbolic.NodeFigures>> byNode = new java.util.TreeMap<>();
    /** Every parameter's value but n (the defaults included), for the bounds' formulas. */
    private Map<String, Long> others = Map.of();

    @Override
    public Integer call() {
        Map<String, Long> values = settings.values();
        List<Map<String, Long>> instances = instances(values);
        OutputFiles.checkReportFile("--junit", junit, file);
        OutputFiles.checkReportFile("--markdown", markdown, file);
        SizeGuard guard = settings.guard(SizeGuard.BUILD_HINT);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        List<AssertResult> results = new ArrayList<>();
        // the model's asserts and parameters, before any instance: a typo is refused before minutes of building
        tc0.dsl.CheckedModel model = SpecCompiler.check(file, values).model(); // values hold no n with --n (instances refused it)
        if (model.asserts().isEmpty()) {
            throw new UserError(file + ": model " + model.name() + " has no assert to check; add one to the model, e.g. "
                    + "'assert depth <= 12 * layers + 4;' (docs/LANGUAGE.md, Asserts)");
        }
        if (ns != null && model.params().stream().noneMatch(p -> p.name().equals("n"))) {
            throw new UserError("--n " + ns + ": model " + model.name() + " has no parameter n; it has " + model.paramNames());
        }
        boolean first = true;
        for (Map<String, Long> at : instances) {
            Checked checked = SpecCompiler.check(file, at);
            List<AssertResult> rows = check(checked, guard, err);
            if (first && !json) {
                out.println(file + ": model " + checked.model().name() + ", its asserts:");
                CheckReport.legend(rows).forEach(out::println);
                out.println(CheckReport.HEADER);
            }
            first = false;
            for (AssertResult r : rows) {
                if (!json) out.println(CheckReport.row(r));
            }
            out.flush();
            results.addAll(rows);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("spec", file.toString());
            j.put("holds", results.stream().allMatch(AssertResult::holds));
            j.put("seconds", seconds);
            j.put("checks", CheckReport.json(results));
            out.println(Json.write(j));
        } else {
            out.printf("%s (%.1f s)%n", CheckReport.summary(results), seconds);
            if (ns != null) { // beside the values swept: what is proved for all n (docs/SWEEP.md, tc0 check)
                out.println("for all n (Z3: on the node decomposition for every n >= 4, or on formulas fitted on the counts at the powers of two above, confirmed on the rest):");
                AssertProofs.lines(model.asserts(), others, counted, byNode).forEach(l -> out.println("  " + l));
            }
        }
        if (junit != null) OutputFiles.write(junit, s -> s.write(CheckReport.junit(file.toString(), results, seconds).getBytes(StandardCharsets.UTF_8)));
        if (markdown != null) { // each assert's sweep as an SVG beside the report, linked from it
            Map<Integer, String> links = new java.util.TreeMap<>();
            CheckReport.plots(markdown.getFileName().toString(), results).forEach((index, plot) -> {
                OutputFiles.write(markdown.resolveSibling(plot.file()), s -> s.write(plot.svg()));
                links.put(index, plot.file());
            });
            OutputFiles.write(markdown, s -> s.write(CheckReport.markdown(file.toString(), results, links).getBytes(StandardCharsets.UTF_8)));
        }
        out.flush();
        List<AssertResult> failed = results.stream().filter(r -> !r.holds()).toList();
        for (AssertResult r : failed) err.println("tc0: " + r.failure());
        err.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** The parameter values of each instance: {@code values} alone, or with each n of --n. */
    private List<Map<String, Long>> instances(Map<String, Long> values) {
        if (ns == null) return List.of(values);
        if (values.containsKey("n")) throw new UserError("--set n=" + values.get("n") + ": give the values of n with --n");
        List<Map<String, Long>> out = new ArrayList<>();
        for (long n : SweepCommand.parseN(ns, 1)) {
            Map<String, Long> at = new LinkedHashMap<>(values);
            at.put("n", n);
            out.add(at);
        }
        return out;
    }

    /** Every assert of the spec at one instance. */
    private List<AssertResult> check(Checked checked, SizeGuard guard, PrintWriter err) {
        TensorProgram p = SpecCompiler.elaborate(checked);
        int rounds = WeightedSum.DEFAULT_ROUNDS;
        Long n = p.parameters().get("n");
        // With --n, the count split by node (for the every-n proofs) is the count itself: one count, not two.
        tc0.compiler.count.TensorIrToCost.ByNode split = null;
        if (n != null && ns != null) {
            try (Progress progress = Progress.onTerminal("counting " + SpecCompiler.describe(file, p), -1)) {
                split = tc0.compiler.count.TensorIrToCost.countByNode(p, rounds);
            } catch (UnsupportedOperationException e) {
                // not split by node (a fallback build, or a refusal SpecCompiler.count words for the user): counted below,
                // and the asserts are tried at the powers of two only
            }
        }
        // where a build follows, how the count was reached (by building, where the summary cannot) is not news
        CountedCost c = split != null ? split.total()
                : SpecCompiler.count(file, p, rounds, guard, countOnly ? err : new PrintWriter(java.io.Writer.nullWriter()));
        if (n != null) counted.put(n, c);
        if (split != null) byNode.put(n, tc0.proofs.symbolic.NodeFigures.of(split));
        others = new java.util.LinkedHashMap<>(p.parameters());
        others.remove("n");
        boolean built = !countOnly && guard.allowsBuilding(c);
        if (built) c = CountedCost.of(CircuitStats.of(SpecCompiler.lower(file, p, rounds, guard).circuit()));
        String instance = SpecCompiler.describe(file, p);
        List<AssertResult> rows = new ArrayList<>();
        for (Stmt.Assert a : checked.model().asserts()) {
            int index = rows.size() + 1;
            String where = file + ":" + a.pos().line() + ":" + a.pos().col();
            BigInteger measured = switch (a.metric()) {
                case DEPTH -> BigInteger.valueOf(c.depth());
                case SIZE -> c.gates();
                case WIRES -> c.wires();
                case WIDTH -> c.width();
            };
            rows.add(new AssertResult(index, where, a.metric(), tc0.dsl.ast.Printer.size(a.bound()), instance, p.parameters(), built, measured,
                    BoundValue.of(a.bound(), p.parameters(), where)));
        }
        return rows;
    }

}
