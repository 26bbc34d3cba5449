package tc0.proofs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tc0.proofs.catalog.Catalog;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.catalog.DepthFormula;
import tc0.proofs.catalog.Finding;
import tc0.proofs.catalog.Paper;

/**
 * DEPTH: the claim's printed depth formula evaluated with the depths tc0 measures for its names
 * ({@link Primitives}; a name they do not measure is expanded by the paper's own definition of it), set beside
 * the depth of the block the claim is checked on, at each n. It holds where the block is within the formula's
 * value. Findings about the paper (a printed formula its own steps do not add up to) are reported with the
 * re-added formula, evaluated too, and do not change the verdict: they are about the paper, not tc0.
 */
public final class DepthCheck {
    static final String NOT_SHOWN = "that tc0's depth per primitive is the paper's: the papers leave d_std, d_sum, ... as "
            + "constants of a float toolkit, tc0 measures its own fixed-point gadgets";

    private DepthCheck() {}

    public static Outcome run(Paper paper, Claim claim, Target t, Instances in) {
        DepthFormula printed = claim.depthFormula();
        List<String> figures = new ArrayList<>();
        if (printed == null) {
            return new Outcome(t.paper(), t.claim(), CheckKind.DEPTH, t.spec(), Target.nList(t.ns()), figures,
                    new Verdict.Undecided("the claim has no parseable depth formula"), NOT_SHOWN);
        }
        Map<String, DepthFormula> defs = Catalog.definitions(paper);
        Verdict verdict = null;
        List<String> rows = new ArrayList<>();
        for (long n : t.ns()) {
            Primitives p = Primitives.measure(in, n);
            if (n == t.ns().getFirst()) figures.add("measured at n=" + n + ": " + p.summary());
            Evaluation e = evaluate(printed, defs, p, claim.symbol());
            if (e.value().isEmpty()) {
                verdict = new Verdict.Undecided("the formula " + printed + " needs " + e.missing()
                        + ", which tc0's blocks do not measure (no iterated float product)");
                break;
            }
            int block = in.count(t.spec(), n).depth();
            long formula = e.value().get();
            rows.add(String.format("n=%d: block %d, formula %d (%s)", n, block, formula,
                    block <= formula ? "within by " + (formula - block) : "above by " + (block - formula)));
            if (block > formula && verdict == null) {
                verdict = new Verdict.Fails("n=" + n, String.format("%s's depth %d is above the formula %s = %d by %d",
                        t.spec(), block, printed, formula, block - formula));
            }
        }
        figures.add("formula " + printed + ": " + String.join("; ", rows));
        for (Finding f : claim.findings()) figures.addAll(finding(f, printed, defs, Primitives.measure(in, t.ns().getFirst())));
        return new Outcome(t.paper(), t.claim(), CheckKind.DEPTH, t.spec(), Target.nList(t.ns()) + " counted", figures,
                verdict == null ? Verdict.holds() : verdict, NOT_SHOWN);
    }

    /** A finding about the paper: the printed formula and each re-added one, expanded to primitives, and their difference. */
    static List<String> finding(Finding f, DepthFormula printed, Map<String, DepthFormula> defs, Primitives p) {
        List<String> out = new ArrayList<>();
        out.add("finding " + f.number() + " about the paper: " + f.text());
        DepthFormula printedFull = printed.substitute(defs);
        Evaluation b = evaluate(printed, defs, p, null);
        for (String text : f.readded()) {
            DepthFormula readded = DepthFormula.parse(text);
            DepthFormula full = readded.substitute(defs);
            DepthFormula difference = full.plus(printedFull.times(-1));
            Evaluation a = evaluate(readded, defs, p, null);
            // a and b take a measured block's depth where there is one (d_select, d_1dconv, ...), so the difference's
            // value is a - b, not the expanded difference at the primitives alone
            String value = a.value().isPresent() && b.value().isPresent()
                    ? " = " + (a.value().get() - b.value().get()) + " at n=" + p.n()
                    : " (needs " + (a.value().isPresent() ? b.missing() : a.missing()) + ")";
            out.add(String.format("  printed %s expands to %s%s; re-added %s expands to %s%s; difference %s%s",
                    printed, printedFull, at(b, p), readded, full, at(a, p), difference, value));
        }
        return out;
    }

    private static String at(Evaluation e, Primitives p) {
        return e.value().map(v -> " = " + v + " at n=" + p.n()).orElse("");
    }

    /** A formula's value, or the names it needs that neither the measurements nor the definitions give. */
    record Evaluation(Optional<Long> value, TreeSet<String> missing) {}

    /**
     * The formula's value: a measured name by its measurement, another by the paper's definition of it (never the
     * claim's own symbol: its block is what the formula is set beside).
     */
    static Evaluation evaluate(DepthFormula f, Map<String, DepthFormula> defs, Primitives p, String own) {
        Map<String, DepthFormula> usable = new HashMap<>(defs);
        if (own != null) usable.remove(own);
        TreeSet<String> missing = new TreeSet<>();
        long v = value(f, usable, p, missing, new ArrayList<>());
        return new Evaluation(missing.isEmpty() ? Optional.of(v) : Optional.empty(), missing);
    }

    private static long value(DepthFormula f, Map<String, DepthFormula> defs, Primitives p, TreeSet<String> missing, List<String> path) {
        long v = f.constant();
        for (Map.Entry<String, Long> e : f.coefficients().entrySet()) {
            String name = e.getKey();
            Integer measured = p.depths().get(name);
            long x;
            if (measured != null) {
                x = measured;
            } else if (defs.containsKey(name) && !path.contains(name)) {
                path.add(name);
                x = value(defs.get(name), defs, p, missing, path);
                path.removeLast();
            } else {
                missing.add(name);
                x = 0;
            }
            v += e.getValue() * x;
        }
        return v;
    }
}
