package tc0.proofs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tc0.circuits.analysis.CircuitStats;
import tc0.compiler.count.CountedCost;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.structural.Growth;
import tc0.proofs.structural.SeriesPlot;
import tc0.proofs.structural.SweepPoint;

/**
 * STRUCT: the spec counted at every n of the sweep (exact depth and gates, no building), and built where small
 * enough for its fan-in and largest weight. It holds when the depth is the same at every n, the size grows like
 * n^k up to polylog factors for the degree k the claim states (the fitted degree and the last local degree at most
 * k + 1/2: an exponential's local degree keeps rising), the fan-in likewise, and the largest weight gains at most
 * {@code MAX_BITS_PER_DOUBLING} bits per doubling of n (O(log n) bits: polynomial weights).
 */
public final class StructCheck {
    /** A weight of poly(n) magnitude gains a constant number of bits per doubling; 8 is far above any block's. */
    public static final double MAX_BITS_PER_DOUBLING = 8.0;
    /**
     * How far a fitted or local degree may pass the claim's k: a factor (log n)^c lifts a local degree by about
     * c / ln n (0.36 per log factor at n = 16, 0.18 at 256), and tc0's fraction bits grow with log2 n.
     */
    static final double POLYLOG_MARGIN = 0.5;

    static final String NOT_SHOWN = "a sweep is evidence about the n swept, not a proof for all n; "
            + "the fitted degree is not the claim's exact bound";

    /** One built instance's figures that a count does not give. */
    record Built(long n, int weightBits, int maxFanin) {}

    private StructCheck() {}

    /** @param sizeDegree the degree the claim allows the size (the catalog's {@code sizeDegree}), or null where it states none */
    public static Outcome run(Target t, Double sizeDegree, Instances in) {
        List<SweepPoint> counted = new ArrayList<>();
        List<Built> built = new ArrayList<>();
        for (long n : t.ns()) {
            CountedCost c = in.count(t.spec(), n);
            counted.add(new SweepPoint(n, c.depth(), c.gates(), c.wires(), c.width()));
            if (n <= 16 && in.buildable(t.spec(), n)) {
                CircuitStats s = in.stats(t.spec(), n);
                built.add(new Built(n, s.maxWeightBits(), s.maxFanin()));
            }
        }
        List<String> figures = new ArrayList<>();
        figures.add("depth " + join(counted.stream().map(SweepPoint::depth).toList()));
        figures.add("gates " + join(counted.stream().map(SweepPoint::gates).toList()));
        List<Long> builtN = built.stream().map(Built::n).toList();
        String instances = Target.nList(t.ns()) + " counted" + (built.isEmpty() ? "" : "; " + Target.nList(builtN) + " built");
        Verdict v = sizeDegree == null ? new Verdict.Undecided("the claim states no size degree (sizeDegree) for STRUCT")
                : verdict(counted, built, sizeDegree, figures);
        if (!built.isEmpty()) {
            figures.add("largest weight bits " + join(built.stream().map(Built::weightBits).toList())
                    + ", max fan-in " + join(built.stream().map(Built::maxFanin).toList()) + " (built)");
        }
        return new Outcome(t.paper(), t.claim(), CheckKind.STRUCT, t.spec(), instances, figures, v,
                NOT_SHOWN + (built.size() < 2 ? "; fan-in and weights were not measured over two built n" : ""), sweep(counted));
    }

    /** Gates, wires and depth against n, as counted: the report's plot. */
    static List<SeriesPlot.Series> sweep(List<SweepPoint> counted) {
        List<Long> ns = counted.stream().map(SweepPoint::n).toList();
        return List.of(new SeriesPlot.Series("gates", ns, counted.stream().map(SweepPoint::gates).toList()),
                new SeriesPlot.Series("wires", ns, counted.stream().map(SweepPoint::wires).toList()),
                new SeriesPlot.Series("depth", ns, counted.stream().map(p -> java.math.BigInteger.valueOf(p.depth())).toList()));
    }

    private static Verdict verdict(List<SweepPoint> counted, List<Built> built, double degree, List<String> figures) {
        if (counted.size() < 2) return new Verdict.Undecided("a sweep needs at least two n");
        Growth depth = Growth.of(counted, SweepPoint::depth);
        Growth gates = Growth.of(counted, SweepPoint::gates);
        figures.add(String.format(Locale.ROOT, "size degree %.2f (last step %.2f), allowed n^%s up to polylog factors", gates.degree(),
                gates.localDegree().getLast(), degreeText(degree)));
        if (!depth.constant()) {
            int i = 1;
            while (counted.get(i).depth() == counted.getFirst().depth()) i++;
            SweepPoint changed = counted.get(i), before = counted.get(i - 1);
            return new Verdict.Fails("n=" + changed.n(), String.format(Locale.ROOT,
                    "depth is not constant: %d at n=%d, %d at n=%d (%d at n=%d; +%.1f per doubling of n)",
                    before.depth(), before.n(), changed.depth(), changed.n(), counted.getLast().depth(), counted.getLast().n(),
                    Growth.perDoubling(counted, SweepPoint::depth)));
        }
        Verdict size = polynomial("size", counted.getLast().n(), gates, degree);
        if (!(size instanceof Verdict.Holds)) return size;
        if (built.size() >= 2) {
            List<Long> ns = built.stream().map(Built::n).toList();
            Verdict f = polynomial("fan-in", built.getLast().n(), Growth.of(ns, built.stream().map(Built::maxFanin).toList()), degree);
            if (!(f instanceof Verdict.Holds)) return f;
            for (int i = 1; i < built.size(); i++) {
                Built a = built.get(i - 1), b = built.get(i);
                double perDoubling = (b.weightBits() - a.weightBits()) / (Math.log((double) b.n() / a.n()) / Math.log(2));
                if (perDoubling > MAX_BITS_PER_DOUBLING) {
                    return new Verdict.Fails("n=" + b.n(), String.format(Locale.ROOT,
                            "largest weight grows from %d bits at n=%d to %d bits at n=%d: %.1f bits per doubling, more than %.0f (not poly(n) weights)",
                            a.weightBits(), a.n(), b.weightBits(), b.n(), perDoubling, MAX_BITS_PER_DOUBLING));
                }
            }
        }
        return Verdict.holds();
    }

    private static Verdict polynomial(String what, long lastN, Growth g, double degree) {
        double last = g.localDegree().getLast();
        if (g.degree() > degree + POLYLOG_MARGIN || last > degree + POLYLOG_MARGIN) {
            return new Verdict.Fails("n=" + lastN, String.format(Locale.ROOT,
                    "%s grows like n^%.2f (last step n^%.2f), beyond the claim's allowance n^%s up to polylog factors (degree %.1f at most)",
                    what, g.degree(), last, degreeText(degree), degree + POLYLOG_MARGIN));
        }
        return Verdict.holds();
    }

    private static String degreeText(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String join(List<?> values) {
        return String.join(", ", values.stream().map(v -> String.format("%,d", v)).toList());
    }
}
