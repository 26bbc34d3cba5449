package tc0.proofs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.catalog.DepthFormula;
import tc0.proofs.catalog.Finding;
import tc0.proofs.catalog.Paper;
import tc0.proofs.structural.SeriesPlot;

/**
 * DEPTH: the claim's printed depth formula evaluated with the depths tc0 measures for its names
 * ({@link Primitives}; a name they do not measure is expanded by the paper's own definition of it), set beside
 * the depth of the claim's region of a compiled model, or of its block spec ({@link DepthSource}), at each n.
 * Within the formula it holds; deeper is {@link Verdict.Above}, a finding about tc0's construction against the
 * paper's, by how many levels and how many times. It fails where it checks something the claim says: the depth
 * changes with n while the formula's value does not (not constant depth), or the region named is missing.
 * Findings about the paper (a printed formula its own steps do not add up to) are reported with the re-added
 * formula, evaluated too, and do not change the verdict: they are about the paper, not tc0.
 */
public final class DepthCheck {
    static final String NOT_SHOWN = "that tc0's depth per primitive is the paper's: the papers leave d_std, d_sum, ... as "
            + "constants of a float toolkit, tc0 measures its own fixed-point gadgets";

    private DepthCheck() {}

    /** The check on the claim's block spec alone ({@code t}). */
    public static Outcome run(Paper paper, Claim claim, Target t, Instances in) {
        return run(paper, claim, DepthSource.block(t, in, ""), t.ns(), in);
    }

    /** The check on a measured source (a region, or the block); {@code ns} the n it was measured at. */
    static Outcome run(Paper paper, Claim claim, DepthSource source, List<Long> ns, Instances in) {
        DepthFormula printed = claim.depthFormula();
        String instances = Target.nList(List.copyOf(source.depths().isEmpty() ? ns : source.depths().keySet()));
        List<String> figures = new ArrayList<>();
        figures.add("depth of the " + source.what());
        if (printed == null) {
            return outcome(claim, source, instances, figures, new Verdict.Undecided("the claim has no parseable depth formula"));
        }
        if (source.missing() != null) {
            return outcome(claim, source, instances, figures, new Verdict.Fails("n=" + ns.getFirst(), source.missing()));
        }
        Map<String, DepthFormula> defs = definitionsBut(paper, claim.symbol());
        Map<Long, Long> formula = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        Verdict above = null, undecided = null;
        for (var e : source.depths().entrySet()) {
            long n = e.getKey();
            int depth = e.getValue();
            Primitives p = Primitives.measure(in, n);
            if (formula.isEmpty()) figures.add("primitives measured at n=" + n + ": " + p.summary());
            DepthFormula.Evaluation v = printed.evaluate(p.depths(), defs);
            if (v.value().isEmpty()) {
                undecided = new Verdict.Undecided("the formula " + printed + " needs " + v.missing()
                        + ", which tc0's blocks do not measure");
                break;
            }
            long f = v.value().getAsLong();
            formula.put(n, f);
            rows.add(String.format("n=%d: depth %d, formula %d (%s)", n, depth, f, depth <= f ? "within by " + (f - depth) : "above " + by(depth, f)));
            if (depth > f && above == null) {
                above = new Verdict.Above("n=" + n, String.format("%s's depth %d is above the formula %s = %d %s, with %s",
                        source.spec(), depth, printed, f, by(depth, f), used(printed, defs, p)));
            }
        }
        figures.add("formula " + printed + (rows.isEmpty() ? "" : ": " + String.join("; ", rows)));
        long first = source.depths().isEmpty() ? ns.getFirst() : source.depths().keySet().iterator().next();
        for (Finding fi : claim.findings()) figures.addAll(finding(fi, printed, defs(paper), Primitives.measure(in, first)));
        if (undecided != null) return outcome(claim, source, instances, figures, undecided);
        Verdict v = changesWithN(source, formula);
        return new Outcome(claim.paper(), claim.id(), CheckKind.DEPTH, source.spec(), instances, figures,
                v != null ? v : above != null ? above : Verdict.holds(), NOT_SHOWN, sweep(source.depths(), formula));
    }

    /** tc0's depth and the formula's value against n: the report's plot. */
    static List<SeriesPlot.Series> sweep(Map<Long, Integer> depths, Map<Long, Long> formula) {
        List<Long> ns = List.copyOf(formula.keySet());
        return List.of(new SeriesPlot.Series("tc0 depth", ns, ns.stream().map(n -> java.math.BigInteger.valueOf(depths.get(n))).toList()),
                new SeriesPlot.Series("paper's formula", ns, ns.stream().map(n -> java.math.BigInteger.valueOf(formula.get(n))).toList()));
    }

    /** Fails where the depth is not the same at every n while the formula's value is: the construction is not constant depth. */
    private static Verdict changesWithN(DepthSource source, Map<Long, Long> formula) {
        if (formula.values().stream().distinct().count() > 1) return null;
        List<Map.Entry<Long, Integer>> d = List.copyOf(source.depths().entrySet());
        for (int i = 1; i < d.size(); i++) {
            if (!d.get(i).getValue().equals(d.getFirst().getValue())) {
                return new Verdict.Fails("n=" + d.get(i).getKey(), String.format(
                        "the depth changes with n (%d at n=%d, %d at n=%d) while the formula's value is %d at every n: not a constant depth",
                        d.getFirst().getValue(), d.getFirst().getKey(), d.get(i).getValue(), d.get(i).getKey(), formula.values().iterator().next()));
            }
        }
        return null;
    }

    /** "by 3 levels (1.21 times)" */
    static String by(long depth, long formula) {
        return String.format(Locale.ROOT, "by %d level%s (%s)", depth - formula, depth - formula == 1 ? "" : "s",
                formula > 0 ? String.format(Locale.ROOT, "%.2f times", (double) depth / formula) : "the formula is 0");
    }

    /** The measured names the formula used, with their values: "d_std = 7, d_sum = 0". */
    private static String used(DepthFormula f, Map<String, DepthFormula> defs, Primitives p) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        collect(f, defs, p, names, new ArrayList<>());
        return String.join(", ", names.stream().map(n -> n + " = " + p.depths().get(n)).toList());
    }

    private static void collect(DepthFormula f, Map<String, DepthFormula> defs, Primitives p, java.util.Set<String> out, List<String> path) {
        for (String name : f.coefficients().keySet()) {
            if (p.depths().containsKey(name)) out.add(name);
            else if (defs.containsKey(name) && !path.contains(name)) {
                path.add(name);
                collect(defs.get(name), defs, p, out, path);
                path.removeLast();
            }
        }
    }

    private static Outcome outcome(Claim claim, DepthSource source, String instances, List<String> figures, Verdict v) {
        return new Outcome(claim.paper(), claim.id(), CheckKind.DEPTH, source.spec(), instances, figures, v, NOT_SHOWN);
    }

    private static Map<String, DepthFormula> defs(Paper paper) {
        return Catalog.definitions(paper);
    }

    /** The paper's definitions without the claim's own symbol: its block is what the formula is set beside. */
    private static Map<String, DepthFormula> definitionsBut(Paper paper, String own) {
        Map<String, DepthFormula> defs = new HashMap<>(Catalog.definitions(paper));
        if (own != null) defs.remove(own);
        return defs;
    }

    /** A finding about the paper: the printed formula and each re-added one, expanded to primitives, and their difference. */
    static List<String> finding(Finding f, DepthFormula printed, Map<String, DepthFormula> defs, Primitives p) {
        List<String> out = new ArrayList<>();
        out.add("finding " + f.number() + " about the paper: " + f.text());
        DepthFormula printedFull = printed.substitute(defs);
        DepthFormula.Evaluation b = printed.evaluate(p.depths(), defs);
        for (String text : f.readded()) {
            DepthFormula readded = DepthFormula.parse(text);
            DepthFormula full = readded.substitute(defs);
            DepthFormula difference = full.plus(printedFull.times(-1));
            DepthFormula.Evaluation a = readded.evaluate(p.depths(), defs);
            // a and b take a measured block's depth where there is one (d_select, d_1dconv, ...), so the difference's
            // value is a - b, not the expanded difference at the primitives alone
            String value = a.value().isPresent() && b.value().isPresent()
                    ? " = " + (a.value().getAsLong() - b.value().getAsLong()) + " at n=" + p.n()
                    : " (needs " + (a.value().isPresent() ? b.missing() : a.missing()) + ")";
            out.add(String.format("  printed %s expands to %s%s; re-added %s expands to %s%s; difference %s%s",
                    printed, printedFull, at(b, p), readded, full, at(a, p), difference, value));
        }
        return out;
    }

    private static String at(DepthFormula.Evaluation e, Primitives p) {
        return e.value().isPresent() ? " = " + e.value().getAsLong() + " at n=" + p.n() : "";
    }
}
