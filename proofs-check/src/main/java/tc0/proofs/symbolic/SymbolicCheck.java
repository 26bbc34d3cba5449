package tc0.proofs.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import tc0.compiler.count.CountedCost;
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

    public static Outcome run(Target t, Instances in, Expect expect) {
        SortedMap<Long, BigInteger> depths = new TreeMap<>(), gates = new TreeMap<>();
        for (long n : t.ns()) {
            CountedCost c = in.count(t.spec(), n);
            depths.put(n, BigInteger.valueOf(c.depth()));
            gates.put(n, c.gates());
        }
        String instances = "n = " + SymbolicFigures.join(List.copyOf(t.ns())) + " counted";
        if (SymbolicFigures.powersOfTwo(depths).size() < 1 + SymbolicFigures.CONFIRM) {
            return new Outcome(t.paper(), t.claim(), CheckKind.SYMBOLIC, t.spec(), instances, List.of(),
                    new Verdict.Undecided("a fit needs at least " + (1 + SymbolicFigures.CONFIRM) + " powers of two n >= 4"), NOT_SHOWN);
        }
        SymbolicFigures s = SymbolicFigures.of(depths, gates);
        return new Outcome(t.paper(), t.claim(), CheckKind.SYMBOLIC, t.spec(), instances, figures(s, depths.keySet()), verdict(s, expect), NOT_SHOWN);
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
        if (s.gates().isEmpty()) return new Verdict.Undecided("depth proved constant; no gates formula fits the counts, so no size bound is proved");
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
