package tc0.proofs.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/**
 * NUM for the bounded-entry results: the polynomial method built on small instances (its error measured against exact
 * attention: it must meet eps = 1/N entrywise and 2 eps / (1 - eps) on the output, else the construction is wrong) and
 * its rank swept as formulas to n = 2^(2^29): below the threshold the rank exponent must fall and the factored time end
 * below the direct one; at the threshold it must settle at a constant and the factored time stay at or above the
 * direct one.
 */
final class PolynomialMethodCheck {
    static final String NOT_SHOWN_BELOW = "that the rank is n^o(1) for every n (the formulas fall over the sweep; their limit "
            + "is not proved), the papers' own degree bound (Taylor's is a constant factor above Chebyshev's), or time on a machine";
    static final String NOT_SHOWN_AT = "SETH-hardness: only that this method (Taylor features) needs rank N^c with c settled "
            + "above 1 at B = c' sqrt(log N), not that every algorithm is quadratic";
    /** Built instances stop at this rank (the features of one query are a double each). */
    static final long MAX_BUILT_RANK = 200_000;
    /** The end of a built instance's figure whose error passes its bound. */
    static final String OVER = ": over the bound";

    private PolynomialMethodCheck() {}

    /** Below the threshold: built instances within eps, and the rank exponent falling to a factored time below the direct one. */
    static Outcome below(String paper, String claim, TokenLayout layout, List<Integer> builtLog2n) {
        List<String> figures = new ArrayList<>();
        Verdict v = new Verdict.Holds();
        for (EntryBound b : List.of(EntryBound.CONSTANT, EntryBound.FOURTH_ROOT)) {
            for (int k : builtLog2n) v = worse(v, built(layout, k, b, b, figures));
            v = worse(v, sweepBelow(layout, b, figures));
        }
        return new Outcome(paper, claim, CheckKind.NUM, "polynomial method", instances(layout, builtLog2n), figures, v, NOT_SHOWN_BELOW);
    }

    /** At the threshold: the exponent settles above 1; a built instance meets eps with its own degree and fails with the degree B = 1 needs. */
    static Outcome at(String paper, String claim, TokenLayout layout, int builtLog2n) {
        List<String> figures = new ArrayList<>();
        Verdict v = new Verdict.Holds();
        v = worse(v, built(layout, builtLog2n, EntryBound.SQRT, EntryBound.SQRT, figures));
        Verdict shortDegree = built(layout, builtLog2n, EntryBound.SQRT, EntryBound.CONSTANT, figures);
        figures.set(figures.size() - 1, figures.getLast().replace(OVER, OVER + ", as it must be past the threshold"));
        if (!(shortDegree instanceof Verdict.Fails)) {
            v = worse(v, new Verdict.Fails("n=2^" + builtLog2n, "the degree chosen for B = 1 meets eps at B = sqrt(log N): "
                    + "nothing fails past the threshold"));
        }
        for (EntryBound b : List.of(EntryBound.QUARTER_SQRT, EntryBound.SQRT)) v = worse(v, sweepAt(layout, b, figures));
        return new Outcome(paper, claim, CheckKind.NUM, "polynomial method", instances(layout, List.of(builtLog2n)), figures, v, NOT_SHOWN_AT);
    }

    /**
     * One built instance with entries bounded by {@code entries} and the Taylor degree chosen for {@code degreeFor}:
     * figures added, Fails where the measured error passes the bound.
     */
    static Verdict built(TokenLayout layout, int log2n, EntryBound entries, EntryBound degreeFor, List<String> figures) {
        int tokens = layout.blocks(log2n).length;
        double lnN = Math.log(tokens), log2N = lnN / Math.log(2), eps = 1.0 / tokens;
        double b = entries.at(log2N), bDegree = degreeFor.at(log2N);
        int d = AttentionInstance.width(tokens);
        long g = ExpTaylor.degree(bDegree * bDegree, lnN);
        long rank = MonomialFeatures.rank(d, (int) g, MAX_BUILT_RANK);
        String where = String.format(Locale.ROOT, "n = %d (N = %d, d = %d), %s, degree g = %d%s", 1 << log2n, tokens, d,
                entries.name(), g, degreeFor == entries ? "" : " (chosen for " + degreeFor.name() + ")");
        if (rank < 0) {
            figures.add(where + ": rank above " + MAX_BUILT_RANK + ", not built");
            return new Verdict.Holds();
        }
        AttentionInstance in = AttentionInstance.of(layout, log2n, b, 17L * log2n + (long) (1000 * b));
        PolynomialAttention.Errors e = PolynomialAttention.measure(in.q(), in.k(), in.v(), in.block(), (int) g);
        double outBound = 2 * eps / (1 - eps);
        boolean ok = e.scoreRelative() <= eps && e.outputAbsolute() <= outBound;
        figures.add(String.format(Locale.ROOT, "%s: rank %d; worst score error %.3g (eps %.3g), worst output error %.3g (bound %.3g)%s",
                where, e.rank(), e.scoreRelative(), eps, e.outputAbsolute(), outBound, ok ? "" : OVER));
        return ok ? new Verdict.Holds() : new Verdict.Fails("n=" + (1 << log2n) + ", " + entries.name(),
                String.format(Locale.ROOT, "score error %.3g, output error %.3g against eps %.3g", e.scoreRelative(), e.outputAbsolute(), eps));
    }

    private static Verdict sweepBelow(TokenLayout layout, EntryBound b, List<String> figures) {
        List<RankSweep.Point> points = RankSweep.of(layout, b);
        RankSweep.Point last = points.getLast(), first = RankSweep.firstFaster(points);
        figures.add(b.name() + ": " + exponents(points) + (first == null ? "; factored never faster"
                : "; factored faster than direct from n = 2^" + first.k() + String.format(Locale.ROOT, " (n^%.3f against n^%.3f at the last)",
                        last.factored(), last.direct())));
        if (!RankSweep.fallingToTheEnd(points)) return new Verdict.Fails(b.name(), "the rank exponent does not fall over the sweep's second half");
        if (last.factored() >= last.direct()) return new Verdict.Fails(b.name() + ", n=2^" + last.k(),
                String.format(Locale.ROOT, "factored n^%.3f not below direct n^%.3f", last.factored(), last.direct()));
        return new Verdict.Holds();
    }

    private static Verdict sweepAt(TokenLayout layout, EntryBound b, List<String> figures) {
        List<RankSweep.Point> points = RankSweep.of(layout, b);
        RankSweep.Point last = points.getLast();
        figures.add(b.name() + ": " + exponents(points) + String.format(Locale.ROOT, "; factored n^%.3f against direct n^%.3f at the last",
                last.factored(), last.direct()));
        if (!RankSweep.settled(points, 0.01)) return new Verdict.Fails(b.name(), "the rank exponent does not settle over the sweep's last three n");
        if (last.factored() < last.direct()) return new Verdict.Fails(b.name() + ", n=2^" + last.k(),
                String.format(Locale.ROOT, "factored n^%.3f below direct n^%.3f at the threshold", last.factored(), last.direct()));
        return new Verdict.Holds();
    }

    /** "rank exponent ln r / ln N at n = 2^8 .. 2^536870912: 1.444, 1.128, ..." */
    private static String exponents(List<RankSweep.Point> points) {
        StringBuilder s = new StringBuilder("rank exponent ln r / ln N at n = 2^" + points.getFirst().k() + " .. 2^" + points.getLast().k() + " (x 4):");
        for (int i = 0; i < points.size(); i++) s.append(i == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.3f", points.get(i).rankExponent()));
        return s.toString();
    }

    private static String instances(TokenLayout layout, List<Integer> builtLog2n) {
        return layout.description + "; built at n = " + String.join(", ", builtLog2n.stream().map(k -> String.valueOf(1 << k)).toList())
                + "; formulas at n = 2^" + RankSweep.KS.getFirst() + " .. 2^" + RankSweep.KS.getLast();
    }

    static Verdict worse(Verdict a, Verdict b) {
        return a instanceof Verdict.Fails ? a : b instanceof Verdict.Fails ? b : a;
    }
}
