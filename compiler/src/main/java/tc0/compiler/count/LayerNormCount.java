package tc0.compiler.count;

import tc0.circuits.Literal;
import tc0.compiler.gadgets.LayerNorm;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.Lookup;
import tc0.compiler.gadgets.Net;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@code LayerNorm.build} of one row for counting: the same construction, step for step, except the
 * scale's comparators {@code [Q >= a]} and the bits of rho, whose number grows with the precision (up to
 * {@code 2^(Wr - 1)} comparators): those are counted in closed form ({@link LookupCount#steps} over the
 * scale's steps, folding from Q's range) and stand on the {@link Tape} as opaque nodes at their levels.
 * Must follow the gadget exactly: a test pins it against {@code LayerNorm.build} on a Tape.
 */
final class LayerNormCount {
    private LayerNormCount() {}


    /** The gadget for a line of m words; {@code side} receives the closed part's gates. */
    static Instance.Gadget gadget(FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds, Profile side) {
        return (net, xs) -> build((Tape) net, xs, fx, eps, feps, fr, out, rounds, side);
    }


    static int[][] build(Tape net, int[][] xs, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds, Profile side) {
        int m = xs.length, w = fx.width();
        if (LayerNormWide.needed(m, fx, fr)) {
            try {
                return LayerNormWide.build(net, xs, fx, eps, feps, fr, out, rounds, side);
            } catch (SumForm.Unmodelled u) {
                // not modelled on column shapes: the Tape below (which holds it only where its numbers fit a long)
            }
        }
        ScaleSteps sc = ScaleSteps.of(m, fx, eps, feps, fr);
        int rw = fr.width() - 1;
        int[] s = null;
        boolean needS = sc.length() > 1 || sc.value(0) != 0;
        if (needS) {
            LinearForm sf = new LinearForm();
            for (int[] x : xs) sf.addWord(x, 1);
            s = WeightedSum.exact(net, sf, rounds);
        }
        int[] rho;
        if (sc.length() == 1) {
            rho = constantWord(sc.value(0), rw);
        } else {
            LinearForm tf = new LinearForm();
            for (int[] x : xs) addSquare(net, tf, x, 1);
            int[] t = WeightedSum.exact(net, tf, rounds);
            LinearForm q = new LinearForm().addWord(t, m);
            addSquare(net, q, s, -1);
            rho = scaleBits(net, q, sc, rw, side, m, fx, eps, feps, fr);
        }
        int frac = fx.fracBits() + Fixed.layerNormScaleFracBits(m, fr);
        int[][] y = new int[m][];
        if (s == null) {
            for (int i = 0; i < m; i++) y[i] = WeightedSum.toFormat(net, new LinearForm(), frac, out, rounds);
            return y;
        }
        LinearForm shared = new LinearForm();
        int ws = s.length;
        for (int b = 0; b < ws; b++) {
            for (int c = 0; c < rw; c++) {
                long wt = LayerNorm.pow2(b + c);
                shared.add(net.and(s[b], rho[c]), b == ws - 1 ? wt : -wt);
            }
        }
        for (int i = 0; i < m; i++) {
            LinearForm f = new LinearForm();
            for (int a = 0; a < w; a++) {
                for (int c = 0; c < rw; c++) {
                    long wt = Math.multiplyExact((long) m, LayerNorm.pow2(a + c));
                    f.add(net.and(xs[i][a], rho[c]), a == w - 1 ? -wt : wt);
                }
            }
            f.addAll(shared);
            y[i] = WeightedSum.toFormat(net, f, frac, out, rounds);
        }
        return y;
    }

    /**
     * {@code ge[i] = q.atLeast(breaks[i])}, then {@code Lookup.stepBits(ge, values, rw)}, in closed form: the
     * comparators folded by Q's range, the rest counted into {@code side}; rho's bits as opaque nodes.
     */
    private static int[] scaleBits(Tape net, LinearForm q, ScaleSteps sc, int rw, Profile side,
            int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        FormSummary f = FormSummary.of(q, net::level);
        if (f.terms < 2) { // tiny: build it as the gadget does
            long[][] steps = LayerNorm.scaleSteps(m, fx, eps, feps, fr);
            int[] ge = new int[steps[1].length];
            for (int i = 1; i < ge.length; i++) ge[i] = q.atLeast(net, steps[0][i]);
            return Lookup.stepBits(net, ge, steps[1], rw);
        }
        // ge[i] is 1 for breaks[i] <= min, 0 for breaks[i] > max: the steps holding min and max.
        long from = sc.indexOf(f.min), to = sc.indexOf(f.max);
        TableStats st = sc.stats(rw);
        Profile part = new Profile();
        ElemClass rho = LookupCount.steps(st, from, to, f.level + 1, f.terms, part);
        side.add(part, 1);
        int[] reads = new int[q.size()];
        for (int i = 0; i < reads.length; i++) reads[i] = Literal.node(q.lit(i));
        int[] nodes = new int[rho.slots()];
        for (int sl = 0; sl < nodes.length; sl++) nodes[sl] = net.opaque(rho.slotLevel(sl), reads);
        return rho.literals(nodes);
    }

    /** {@code LayerNorm.addSquare}: {@code sign * x^2} as the bits {@code x_a} and the ANDs {@code x_a x_b} (a < b). */
    static void addSquare(Net net, LinearForm f, int[] x, long sign) {
        int w = x.length;
        for (int a = 0; a < w; a++) {
            f.add(x[a], sign * LayerNorm.pow2(2 * a));
            for (int b = a + 1; b < w; b++) {
                long wt = sign * LayerNorm.pow2(a + b + 1);
                f.add(net.and(x[a], x[b]), b == w - 1 ? -wt : wt);
            }
        }
    }

    private static int[] constantWord(long v, int width) {
        int[] r = new int[width];
        for (int c = 0; c < width; c++) r[c] = ((v >>> c) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return r;
    }
}
