package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tc0.compiler.count.CountedCost;
import tc0.compiler.count.TensorIrToCost;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.pipeline.PipelineException;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.catalog.Claim;
import tc0.proofs.check.Instances;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Target;
import tc0.proofs.check.Verdict;

/**
 * SYMBOLIC: a spec's depth and gates as formulas in n and L = ceil(log2 n), fitted on its counts at powers of
 * two and confirmed exactly on the counts never used for the fit ({@link SymbolicFigures}); then Z3 proves
 * about the formulas, for every n = 2^L >= 4, that the depth has no n in it (or, for a contrast, grows like
 * log n) and that gates <= C n^k for the smallest k it can, and exhibits the first n where C n^(k-1) is exceeded.
 * For a TC0 claim it also splits the count by IR node ({@link Decomposition}) and proves gates <= C n^k for
 * every n >= 4, powers of two or not ({@link SizeProof}), and bounds the depth at every n counted
 * ({@link DepthBound}); a claim whose gates no formula fits holds when that size proof does.
 */
public final class SymbolicCheck {
    /** What the claim says of the depth: constant (a TC0 claim) or growing like log n (a contrast). */
    public enum Expect { CONSTANT, LOG }

    static final String NOT_SHOWN = "the formulas are fitted and confirmed on the n counted, not derived: the proofs are about the formulas "
            + "(so about the circuit at n past those counted only as far as the formula holds there), at n = 2^L only (L encoded as 2 <= L, "
            + "2L <= n, L^2 <= n + 1, by induction), and about tc0's construction, not the paper's";

    private SymbolicCheck() {}

    /**
     * The SYMBOLIC checks of a claim that {@link SymbolicClaims} maps: on each mapped spec, at the n of the claim's
     * own sweep of it (the catalog's checkedOn) up to {@code maxN}; none where the claim is not mapped.
     */
    public static List<Outcome> forClaim(Claim c, Instances in, long maxN) {
        List<Outcome> out = new ArrayList<>();
        for (SymbolicClaims.Entry e : SymbolicClaims.of(c.paper(), c.id())) {
            List<Long> ns = c.checkedOn().stream().filter(on -> on.spec().equals(e.spec())).findFirst()
                    .map(on -> on.params().getOrDefault("n", List.of())).orElse(List.of()).stream().filter(n -> n <= maxN).toList();
            if (e.expect() == Expect.CONSTANT) ns = withConfirmation(ns);
            Target t = new Target(c.paper(), c.id(), e.spec(), ns);
            try {
                out.add(run(t, in, e.expect()));
            } catch (PipelineException x) {
                out.add(new Outcome(c.paper(), c.id(), CheckKind.SYMBOLIC, e.spec(), "-", List.of(),
                        new Verdict.Undecided("the spec does not compile: " + x.getMessage().lines().findFirst().orElse("")), NOT_SHOWN));
            }
        }
        return out;
    }

    /** The n counted past a sweep that stops at the node terms' fit, to confirm them (count only, seconds a spec). */
    static final List<Long> CONFIRMING = List.of(2 * Decomposition.FIT_MAX_N, 4 * Decomposition.FIT_MAX_N);

    /**
     * A TC0 claim's sweep as the catalog gives it, plus {@link #CONFIRMING} where it stops at or below n = 256 (the
     * default run's cap): the node terms are fitted on n <= 256 and claim nothing until a larger n confirms them, so
     * without these the size for every n could never be proved in a default run. Unchanged where the sweep is empty
     * or already goes past 256 (--heavy).
     */
    static List<Long> withConfirmation(List<Long> ns) {
        if (ns.isEmpty() || ns.stream().anyMatch(n -> n > Decomposition.FIT_MAX_N)) return ns;
        List<Long> out = new ArrayList<>(ns);
        out.addAll(CONFIRMING);
        return List.copyOf(out);
    }

    public static Outcome run(Target t, Instances in, Expect expect) {
        SortedMap<Long, BigInteger> depths = new TreeMap<>(), gates = new TreeMap<>();
        SortedMap<Long, List<NodeFigures>> byN = new TreeMap<>();
        for (long n : t.ns()) {
            TensorIrToCost.ByNode b = byNode(t.spec(), in, n);
            CountedCost c = b == null ? in.count(t.spec(), n) : b.total();
            if (b != null) byN.put(n, NodeFigures.of(b));
            depths.put(n, BigInteger.valueOf(c.depth()));
            gates.put(n, c.gates());
        }
        String instances = "n = " + SymbolicFigures.join(List.copyOf(t.ns())) + " counted";
        if (SymbolicFigures.powersOfTwo(depths).size() < 1 + SymbolicFigures.CONFIRM) {
            return new Outcome(t.paper(), t.claim(), CheckKind.SYMBOLIC, t.spec(), instances, List.of(),
                    new Verdict.Undecided("a fit needs at least " + (1 + SymbolicFigures.CONFIRM) + " powers of two n >= 4"), NOT_SHOWN);
        }
        SymbolicFigures s = SymbolicFigures.of(depths, gates);
        List<String> figures = new ArrayList<>(figures(s, depths.keySet()));
        Optional<SizeProof> size = Optional.empty();
        if (expect == Expect.CONSTANT) {
            if (byN.size() < t.ns().size()) figures.add("size for every n: not decomposed (the summaries cannot count some n by node)");
            else {
                long from = Decomposition.sameProgramFrom(byN);
                SortedMap<Long, List<NodeFigures>> same = byN.tailMap(from);
                DepthBound db = DepthBound.of(same);
                long deepest = depths.values().stream().mapToLong(BigInteger::longValue).max().orElse(0);
                figures.add("depth <= " + db.bound() + " at every n counted" + (from > byN.firstKey() ? " from " + from : "") + " (deepest " + deepest
                        + "; the longest path over each node's deepest gadget"
                        + (db.varied().isEmpty() ? ", the same at every n" : "; nodes whose own depth differs with n: " + String.join("; ", db.varied())) + ")");
                figures.add(depthEveryN(db, from));
                if (SymbolicFigures.powersOfTwo(depths.tailMap(from)).size() >= 2 + SymbolicFigures.CONFIRM) figures.add(NodeFormulas.of(same).text());
                Decomposition.Result d = Decomposition.of(same);
                if (d.decomposition().isEmpty()) figures.add("size for every n: no decomposition: " + d.reason());
                else {
                    SizeProof p = SizeProof.of(d.decomposition().get(), same, new TreeMap<>(gates.tailMap(from)));
                    figures.addAll(sizeLines(p, from));
                    boolean below = true;
                    if (p.proved() && from > byN.firstKey()) {
                        String b = below(byN.headMap(from).keySet(), gates, p);
                        below = b.startsWith("every n");
                        figures.add("size below n = " + from + " (another program there: constant folding): " + b);
                    }
                    if (p.proved()) figures.addAll(lowerLines(LowerBound.of(d.decomposition().get(), same), p));
                    if (below) size = Optional.of(p);
                }
            }
        }
        return new Outcome(t.paper(), t.claim(), CheckKind.SYMBOLIC, t.spec(), instances, List.copyOf(figures), verdict(s, expect, size),
                expect == Expect.CONSTANT ? NOT_SHOWN + "; " + SIZE_NOT_SHOWN : NOT_SHOWN);
    }

    /**
     * "depth <= 640 for every n >= 4 (...)": the longest path over the gadgets' stated depths, or why not. For every n
     * as far as the program has the same nodes as at the n counted (its structure, checked there, not proved).
     */
    static String depthEveryN(DepthBound db, long from) {
        if (db.everyN() < 0) {
            return "depth for every n: not bounded by the gadgets' depths: " + String.join("; ", db.past().subList(0, Math.min(3, db.past().size())));
        }
        return "depth <= " + db.everyN() + " for every n >= " + Math.max(4, from) + ", powers of two or not (the longest path over each node's gadget depth as "
                + "its construction states it, a constant in the compression rounds: no n, m or width in it; every node's counted depth within its "
                + "gadget's at every n counted; the program's nodes the same at every n counted, assumed past them)";
    }

    static final String SIZE_NOT_SHOWN = "the size bound for every n >= 4 rests on the node terms (gadget shapes argued, not proved; constants fitted "
            + "on n <= " + Decomposition.FIT_MAX_N + " and confirmed on the larger n counted; widths <= a + b L), Z3 proving only that their sum is <= C n^k; "
            + "the depth for every n rests on the gadgets' stated depths (claims of their constructions, checked on every node's count) and on the "
            + "program having the same nodes at every n (checked at the n counted)";

    /** The count split by node, or null where the summaries cannot count it so (a fallback build). */
    private static TensorIrToCost.ByNode byNode(String spec, Instances in, long n) {
        try {
            return TensorIrToCost.countByNode(in.program(spec, java.util.Map.of("n", n)), WeightedSum.DEFAULT_ROUNDS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The n below the decomposition's first, one by one: "every n from 4 to 7 counted, each within C n^k", or
     * which are not counted or not within (then the bound is not proved for every n >= 4).
     */
    static String below(java.util.Set<Long> counted, SortedMap<Long, BigInteger> gates, SizeProof p) {
        List<String> out = new ArrayList<>();
        long top = counted.stream().mapToLong(Long::longValue).max().orElse(3);
        for (long n = 4; n <= top; n++) {
            if (!counted.contains(n)) out.add("n = " + n + " not counted");
            else if (gates.get(n).compareTo(p.c().multiply(BigInteger.valueOf(n).pow(p.k()))) > 0) out.add("n = " + n + ": " + gates.get(n) + " gates, past it");
        }
        return out.isEmpty() ? "every n from 4 to " + top + " counted, each within " + p.c() + " n^" + p.k() : String.join("; ", out);
    }

    static List<String> sizeLines(SizeProof p) {
        return sizeLines(p, 4);
    }

    static List<String> sizeLines(SizeProof p, long from) {
        List<String> out = new ArrayList<>();
        out.add("size for every n >= " + Math.max(4, from) + ": gates <= sum over " + p.decomposition().terms().size() + " nodes of c * elements(n) * gadget shape = "
                + p.bound().text() + " (M = 2^L; node terms fitted on n <= " + Decomposition.FIT_MAX_N + (p.exceeded().isEmpty()
                ? ", every larger n counted within them)" : ")"));
        if (!p.exceeded().isEmpty()) {
            out.add("size: " + p.exceeded().size() + " node figures past their terms, first " + String.join("; ", p.exceeded().subList(0, Math.min(3, p.exceeded().size()))));
        } else if (p.k() < 0) {
            out.add("size: Z3 proved no bound C n^k, k <= " + SizeProof.MAX_K);
        } else {
            out.add("size: Z3: gates <= " + p.c() + " n^" + p.k() + " for every n >= " + Math.max(4, from) + " (powers of two or not); one degree lower: " + p.lower());
        }
        return out;
    }

    /** Largest L tried when looking for the n where the unavoidable gates pass C n^(k-1). */
    static final int LOWER_MAX_L = 4096;

    static List<String> lowerLines(LowerBound lb, SizeProof p) {
        List<String> out = new ArrayList<>();
        out.add("size from below at n = 2^L: gates >= " + LowerBound.atPowers(lb.value()).text() + " (" + lb.terms().size() + " nodes' unavoidable gates, each within its "
                + "node's count at every power of two counted" + (lb.dropped().isEmpty() ? ")" : "; dropped: " + String.join("; ", lb.dropped()) + ")"));
        out.add("size: exact degree: " + lb.refutes(p.k(), p.c(), LOWER_MAX_L).text(p.k()));
        return out;
    }

    static List<String> figures(SymbolicFigures s, java.util.Set<Long> counted) {
        List<String> out = new ArrayList<>();
        List<Long> powers = new ArrayList<>(SymbolicFigures.powersOfTwo(new TreeMap<>(counted.stream()
                .collect(java.util.stream.Collectors.toMap(n -> n, n -> BigInteger.ZERO)))).keySet());
        out.add(s.depth().map(r -> "depth = " + fitted(r) + "; Z3: " + (s.depthConstant() ? "the same at every n = 2^L >= 4"
                : s.depthLog() ? "grows by at least 1 per doubling of n and stays within c L (like log n)" : "neither constant nor like log n"))
                .orElse("depth: no formula n^a L^b (a <= " + SymbolicFigures.MAX_A + ", b <= " + SymbolicFigures.MAX_B
                        + ") equals the counts at n = " + SymbolicFigures.join(powers)));
        out.add(s.gates().map(r -> "gates = " + fitted(r) + "; Z3: " + s.size().map(b -> "gates <= " + b.c() + " n^" + b.k()
                + " for every n = 2^L >= 4" + b.refutedBelow().map(n -> "; " + b.c() + " n^" + (b.k() - 1) + " is exceeded at n = " + power(n)).orElse(""))
                .orElse("no degree bound proved")).orElse("gates: no formula n^a L^b (a <= " + SymbolicFigures.MAX_A + ", b <= "
                + SymbolicFigures.MAX_B + ") equals the counts at n = " + SymbolicFigures.join(powers)
                + " (gadget sizes are not polynomials in L: compression by column heights, table change points)"));
        out.addAll(s.between());
        return out;
    }

    static Verdict verdict(SymbolicFigures s, Expect expect, Optional<SizeProof> size) {
        Verdict v = verdict(s, expect);
        if (expect != Expect.CONSTANT || v instanceof Verdict.Fails || v instanceof Verdict.Holds) return v;
        if (s.depthConstant() && size.isPresent() && size.get().proved()) return new Verdict.Holds();
        return v;
    }

    static Verdict verdict(SymbolicFigures s, Expect expect) {
        if (s.depth().isEmpty()) return new Verdict.Undecided("no depth formula fits the counts");
        if (expect == Expect.LOG) {
            if (s.depthLog()) return new Verdict.Holds();
            return s.depthConstant() ? new Verdict.Fails("every n = 2^L", "depth " + s.depth().get().formula().text() + " is constant: it does not grow")
                    : new Verdict.Undecided("the depth formula " + s.depth().get().formula().text() + " is neither constant nor proved like log n");
        }
        if (!s.depthConstant()) {
            return new Verdict.Fails("n = 2^L", "depth " + s.depth().get().formula().text() + " has n in it");
        }
        if (s.gates().isEmpty()) return new Verdict.Undecided("depth proved constant; no gates formula fits the counts and no size bound is proved from the node decomposition");
        if (s.size().isEmpty()) return new Verdict.Undecided("depth proved constant; Z3 proved no degree bound for gates " + s.gates().get().formula().text());
        return new Verdict.Holds();
    }

    /** "92 (fitted on n = 4, confirmed on n = 8, 16)" */
    static String fitted(Fit.Result r) {
        return r.formula().text() + " (fitted on n = " + SymbolicFigures.join(r.fittedOn()) + ", confirmed on n = " + SymbolicFigures.join(r.confirmedOn()) + ")";
    }

    /** "2^40" */
    static String power(BigInteger n) {
        return n.bitCount() == 1 ? "2^" + (n.bitLength() - 1) : n.toString();
    }
}
