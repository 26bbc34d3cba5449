package tc0.compiler.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc0.circuits.Literal;
import tc0.compiler.gadgets.LinearForm;
import tc0.compiler.gadgets.WeightedSum;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@code LayerNorm.build} of one row for counting where its sums pass a long (32-bit words at n = 2^20: the
 * squares' weights reach 2^62, {@code T = sum x^2} is 66 bits, {@code Q = m T - S^2} and the outputs' weights
 * {@code m 2^(a+c)} pass 2^63): the same construction, its ANDs and {@code S} made on the {@link Tape} as in
 * {@link LayerNormCount}, but the three wide parts counted in closed form on column shapes ({@link SumForm}, as a
 * builder with unbounded weights would build them) and standing on the Tape as opaque nodes: {@code T}'s exact
 * sum, the comparators {@code [Q >= a]} (their range and fan-in from Q's terms merged per node, in
 * {@code BigInteger}s) with the bits of rho, and each output's rounded sum. A sum the shapes do not model (a
 * node twice whose weights pass a long, or with both signs) is made on the Tape over exact integers
 * ({@link WideTapeSum}); a Q of fewer than two terms is {@link SumForm.Unmodelled}: the caller runs the Tape
 * instead. Pinned against {@code LayerNorm.build} at buildable widths.
 */
final class LayerNormWide {
    private LayerNormWide() {}

    /**
     * Whether the Tape run would hold a number past a long: the squares' sum T needs {@code 2w + log2 m + 1}
     * bits, Q's weights {@code m 2^|T|}, the outputs' weights {@code m 2^(w - 1 + rw - 1)}. The closed count is
     * exact at any width, so erring wide costs nothing but the Tape's generality.
     */
    static boolean needed(int m, FixedFormat fx, FixedFormat fr) {
        int w = fx.width(), rw = fr.width() - 1, lm = 64 - Integer.numberOfLeadingZeros(m);
        return 2 * w + 2 * lm + 2 > 61 || w + rw + lm > 61;
    }

    /** The gadget for a line of m words, the wide way whatever the widths (tests); {@code side} receives the closed parts' gates. */
    static Instance.Gadget gadget(FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds, Profile side) {
        return (net, xs) -> build((Tape) net, xs, fx, eps, feps, fr, out, rounds, side);
    }

    /** The row's outputs; the closed parts' gates go to {@code side} only when the whole row is modelled. */
    static int[][] build(Tape net, int[][] xs, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds, Profile side) {
        Profile part = new Profile();
        int[][] y = row(net, xs, fx, eps, feps, fr, out, rounds, part);
        side.add(part, 1);
        return y;
    }

    private record Term(int lit, BigInteger weight) {}

    private static int[][] row(Tape net, int[][] xs, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds, Profile side) {
        int m = xs.length, w = fx.width();
        ScaleSteps sc = ScaleSteps.of(m, fx, eps, feps, fr);
        int rw = fr.width() - 1;
        int frac = fx.fracBits() + Fixed.layerNormScaleFracBits(m, fr);
        int[][] y = new int[m][];
        if (sc.length() == 1 && sc.value(0) == 0) { // rho = 0: every output is 0
            for (int i = 0; i < m; i++) y[i] = WeightedSum.toFormat(net, new LinearForm(), frac, out, rounds);
            return y;
        }
        LinearForm sf = new LinearForm();
        for (int[] x : xs) sf.addWord(x, 1);
        int[] s = WeightedSum.exact(net, sf, rounds); // w + log2 m bits: the Tape holds it
        int[] rho;
        if (sc.length() == 1) {
            rho = constantWord(sc.value(0), rw);
        } else {
            WideTapeSum tf = new WideTapeSum();
            for (int[] x : xs) tf.addSquare(net, x, 1);
            int[] t = tf.exact(net, rounds, side);
            WideTapeSum q = new WideTapeSum();
            q.addWord(t, BigInteger.valueOf(m));
            q.addSquare(net, s, -1);
            rho = scaleBits(net, q, sc, rw, side);
        }
        List<Term> shared = new ArrayList<>(); // -S rho: the same nodes in every output's form
        int ws = s.length;
        for (int b = 0; b < ws; b++) {
            for (int c = 0; c < rw; c++) {
                BigInteger wt = BigInteger.ONE.shiftLeft(b + c);
                shared.add(new Term(net.and(s[b], rho[c]), b == ws - 1 ? wt : wt.negate()));
            }
        }
        BigInteger mm = BigInteger.valueOf(m);
        for (int i = 0; i < m; i++) {
            WideTapeSum f = new WideTapeSum();
            for (int a = 0; a < w; a++) {
                for (int c = 0; c < rw; c++) {
                    BigInteger wt = mm.shiftLeft(a + c);
                    f.add(net.and(xs[i][a], rho[c]), a == w - 1 ? wt.negate() : wt);
                }
            }
            for (Term e : shared) f.add(e.lit(), e.weight());
            y[i] = f.toFormat(net, frac, out, rounds, side);
        }
        return y;
    }

    /** {@code [Q >= a]} at the scale's breakpoints and rho's bits from them, as {@code LayerNormCount.scaleBits}, Q's range exact. */
    private static int[] scaleBits(Tape net, WideTapeSum q, ScaleSteps sc, int rw, Profile side) {
        Map<Integer, BigInteger> merged = new HashMap<>(); // per node, as one gate sees its terms
        BigInteger constant = q.constant;
        for (int k = 0; k < q.lits.size(); k++) {
            int lit = q.lits.get(k);
            BigInteger wt = q.weights.get(k);
            if (Literal.isNegated(lit)) { constant = constant.add(wt); wt = wt.negate(); }
            merged.merge(Literal.node(lit), wt, BigInteger::add);
        }
        BigInteger lo = constant, hi = constant;
        long terms = 0;
        int level = 0;
        List<Integer> reads = new ArrayList<>();
        for (Map.Entry<Integer, BigInteger> e : merged.entrySet()) {
            if (e.getValue().signum() == 0) continue;
            terms++;
            reads.add(e.getKey());
            level = Math.max(level, net.level(e.getKey()));
            if (e.getValue().signum() < 0) lo = lo.add(e.getValue()); else hi = hi.add(e.getValue());
        }
        if (terms < 2) throw new SumForm.Unmodelled("a layer-norm Q of " + terms + " terms");
        long from = sc.indexOf(lo), to = sc.indexOf(hi);
        Profile part = new Profile();
        ElemClass rho = LookupCount.steps(sc.stats(rw), from, to, level + 1, terms, part);
        side.add(part, 1);
        int[] r = reads.stream().mapToInt(Integer::intValue).toArray();
        int[] nodes = new int[rho.slots()];
        for (int sl = 0; sl < nodes.length; sl++) nodes[sl] = net.opaque(rho.slotLevel(sl), r);
        return rho.literals(nodes);
    }

    private static int[] constantWord(long v, int width) {
        int[] r = new int[width];
        for (int c = 0; c < width; c++) r[c] = ((v >>> c) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return r;
    }
}
