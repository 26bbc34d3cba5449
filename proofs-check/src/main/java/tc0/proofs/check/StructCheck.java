package tc0.proofs.check;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.structural.Growth;
import tc0.proofs.structural.SweepPoint;

/**
 * STRUCT: the spec counted at every n of the sweep (exact depth and gates, no building), and built where small
 * enough for its fan-in and largest weight. It holds when the depth is the same at every n, the size's fitted
 * degree and its last local degree are within {@code maxDegree} (polynomial: an exponential's local degree keeps
 * rising), the fan-in's too, and the largest weight gains at most {@code maxBitsPerDoubling} bits per doubling of
 * n (O(log n) bits: polynomial weights).
 */
public final class StructCheck {
    /**
     * The polynomial allowance: RoPE tensor attention (n x n x n scores, fraction bits growing with log n) fits
     * n^4.12 over n = 32..256 counted, its last step n^4.51; 6 leaves a margin, an exponential passes it.
     */
    public static final double MAX_DEGREE = 6.0;
    /** A weight of poly(n) magnitude gains a constant number of bits per doubling; 8 is far above any block's. */
    public static final double MAX_BITS_PER_DOUBLING = 8.0;

    static final String NOT_SHOWN = "a sweep is evidence about the n swept, not a proof for all n; "
            + "the fitted degree is not the claim's exact bound";

    private StructCheck() {}

    public static Outcome run(Target t, Instances in) {
        List<SweepPoint> counted = new ArrayList<>();
        List<SweepPoint> bits = new ArrayList<>(); // depth field unused: weight bits and fan-in as figures
        List<Long> builtN = new ArrayList<>();
        List<Integer> weightBits = new ArrayList<>();
        List<Integer> fanin = new ArrayList<>();
        for (long n : t.ns()) {
            CountedCost c = in.count(t.spec(), n);
            counted.add(new SweepPoint(n, c.depth(), c.gates(), c.wires(), c.width()));
            if (n <= 16 && in.buildable(t.spec(), n)) {
                CircuitStats s = in.stats(t.spec(), n);
                builtN.add(n);
                weightBits.add(s.maxWeightBits());
                fanin.add(s.maxFanin());
                bits.add(new SweepPoint(n, s.maxWeightBits(), s.maxFanin(), 0, 0));
            }
        }
        List<String> figures = new ArrayList<>();
        figures.add("depth " + join(counted.stream().map(SweepPoint::depth).toList()));
        figures.add("gates " + join(counted.stream().map(SweepPoint::gates).toList()));
        String instances = Target.nList(t.ns()) + " counted"
                + (builtN.isEmpty() ? "" : "; " + Target.nList(builtN) + " built");
        Verdict v = verdict(counted, bits, figures);
        if (!builtN.isEmpty()) {
            figures.add("largest weight bits " + join(weightBits) + ", max fan-in " + join(fanin) + " (built)");
        }
        return new Outcome(t.paper(), t.claim(), CheckKind.STRUCT, t.spec(), instances, figures, v,
                NOT_SHOWN + (builtN.size() < 2 ? "; fan-in and weights were not measured over two built n" : ""));
    }

    private static Verdict verdict(List<SweepPoint> counted, List<SweepPoint> built, List<String> figures) {
        if (counted.size() < 2) return new Verdict.Undecided("a sweep needs at least two n");
        Growth depth = Growth.of(counted, SweepPoint::depth);
        Growth gates = Growth.of(counted, SweepPoint::gates);
        figures.add(String.format("size degree %.2f (last step %.2f)", gates.degree(), gates.localDegree().getLast()));
        if (!depth.constant()) {
            int i = 1;
            while (counted.get(i).depth() == counted.getFirst().depth()) i++;
            SweepPoint changed = counted.get(i), before = counted.get(i - 1);
            return new Verdict.Fails("n=" + changed.n(), String.format(
                    "depth is not constant: %d at n=%d, %d at n=%d (%d at n=%d; +%.1f per doubling of n)",
                    before.depth(), before.n(), changed.depth(), changed.n(), counted.getLast().depth(), counted.getLast().n(),
                    Growth.perDoubling(counted, SweepPoint::depth)));
        }
        Verdict size = polynomial("size", counted, gates);
        if (!(size instanceof Verdict.Holds)) return size;
        if (built.size() >= 2) {
            Growth fan = Growth.of(built, SweepPoint::gates);
            Verdict f = polynomial("fan-in", built, fan);
            if (!(f instanceof Verdict.Holds)) return f;
            for (int i = 1; i < built.size(); i++) {
                SweepPoint a = built.get(i - 1), b = built.get(i);
                double perDoubling = (b.depth() - a.depth()) / (Math.log((double) b.n() / a.n()) / Math.log(2));
                if (perDoubling > MAX_BITS_PER_DOUBLING) {
                    return new Verdict.Fails("n=" + b.n(), String.format(
                            "largest weight grows from %d bits at n=%d to %d bits at n=%d: %.1f bits per doubling, more than %.0f (not poly(n) weights)",
                            a.depth(), a.n(), b.depth(), b.n(), perDoubling, MAX_BITS_PER_DOUBLING));
                }
            }
        }
        return Verdict.holds();
    }

    private static Verdict polynomial(String what, List<SweepPoint> points, Growth g) {
        double last = g.localDegree().getLast();
        if (g.degree() > MAX_DEGREE || last > MAX_DEGREE + 0.5) {
            return new Verdict.Fails("n=" + points.getLast().n(), String.format(
                    "%s grows like n^%.2f (last step n^%.2f), beyond the allowance n^%.0f", what, g.degree(), last, MAX_DEGREE));
        }
        return Verdict.holds();
    }

    static String join(List<?> values) {
        return String.join(", ", values.stream().map(v -> String.format("%,d", v)).toList());
    }
}
