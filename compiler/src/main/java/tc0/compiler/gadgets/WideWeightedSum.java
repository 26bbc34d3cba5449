package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * {@link WeightedSum#build} with the form's weights, its constant and the final stage's numbers as exact
 * integers: the same construction step by step (negative weights on inverted literals, the weights' binary digits
 * placed in columns in the order the terms come, the same compression rounds, the same final stage and
 * saturation gates), for counting on a {@link WideNet} the sums past 61 bits that the builder cannot build (a
 * 32-bit word times a signed weight at n = 2^20, a 34 x 34-bit product). A gate that reads a literal and its
 * negation (a word's bit placed by a weight of each sign) is merged as the builder merges it, so whatever the
 * form, the gates made are those a builder with unbounded weights would make. Within the builder's widths it
 * makes exactly {@link WeightedSum#build}'s gates (pinned by tests).
 */
public final class WideWeightedSum {
    private WideWeightedSum() {}

    /**
     * The {@code width}-bit word of {@code floor(S / 2^shift + 1/2)} for {@code S = constant + sum weights[i] lits[i]}
     * ({@code i < count}), saturated if {@code saturate}, else modulo {@code 2^width}: as {@link WeightedSum#build}.
     */
    public static int[] build(WideNet net, int[] lits, BigInteger[] weights, int count, BigInteger constant, int shift, int width, boolean saturate,
            int rounds) {
        if (shift < 0 || width < 1 || rounds < 0) throw new IllegalArgumentException("shift " + shift + ", width " + width + ", rounds " + rounds);
        int top = shift + width;
        int[] y = new int[count];
        BigInteger[] a = new BigInteger[count];
        BigInteger c = constant;
        int n = 0;
        for (int i = 0; i < count; i++) { // LinearForm.add drops zero weights and constant literals
            BigInteger w = weights[i];
            if (w.signum() == 0 || lits[i] == Literal.FALSE) continue;
            if (lits[i] == Literal.TRUE) { c = c.add(w); continue; }
            if (w.signum() < 0) { c = c.add(w); y[n] = Literal.not(lits[i]); a[n] = w.negate(); }
            else { y[n] = lits[i]; a[n] = w; }
            n++;
        }
        BigInteger half = shift > 0 ? BigInteger.ONE.shiftLeft(shift - 1) : BigInteger.ZERO;
        BigInteger low = c.add(half).mod(BigInteger.ONE.shiftLeft(top));
        int hi = Literal.FALSE, lo = Literal.FALSE;
        if (saturate) {
            BigInteger bound = BigInteger.ONE.shiftLeft(width - 1 + shift);
            hi = net.wideGate(y, a, n, bound.subtract(c).subtract(half));
            lo = Literal.not(net.wideGate(y, a, n, bound.negate().subtract(c).subtract(half)));
        }
        List<WeightedSum.IntList> cols = new ArrayList<>();
        for (int j = 0; j < top; j++) cols.add(new WeightedSum.IntList());
        for (int i = 0; i < n; i++) {
            for (int j = 0, end = Math.min(top, a[i].bitLength()); j < end; j++) if (a[i].testBit(j)) cols.get(j).add(y[i]);
        }
        for (int r = 0; r < rounds; r++) cols = WeightedSum.compress(net, cols, rounds - r);
        return finalStage(net, cols, shift, width, low, hi, lo);
    }

    /**
     * Whether tc0's builder cannot build this sum ({@link WeightedSum#build} refuses it or a long overflows on the
     * way): {@code shift + width} past 61 bits, or a weight, the constant with the negative weights, the weights'
     * sum or a saturation threshold past a long. Errs towards "cannot" (the builder's merged weights are
     * bounded by the sum of magnitudes taken here).
     */
    public static boolean pastBuilder(BigInteger[] weights, int count, BigInteger constant, int shift, int width) {
        if (shift + width > 61) return true;
        BigInteger c = constant, sum = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            if (weights[i].bitLength() > 63) return true;
            if (weights[i].signum() < 0) c = c.add(weights[i]);
            sum = sum.add(weights[i].abs());
        }
        BigInteger bound = BigInteger.ONE.shiftLeft(width - 1 + shift);
        return constant.bitLength() > 63 || c.bitLength() > 62 || sum.bitLength() > 63 || bound.subtract(c).bitLength() > 62
                || bound.add(c).bitLength() > 62;
    }

    /** {@code WeightedSum.finalStage}: per output bit, comparators over every lower column, combined with ±1 and the saturation gates. */
    private static int[] finalStage(WideNet net, List<WeightedSum.IntList> cols, int shift, int width, BigInteger constant, int hi, int lo) {
        int[] out = new int[width];
        WeightedSum.IntList bits = new WeightedSum.IntList();
        List<BigInteger> weights = new ArrayList<>();
        BigInteger vmax = BigInteger.ZERO;
        for (int j = 0; j < shift + width; j++) {
            WeightedSum.IntList col = cols.get(j);
            BigInteger unit = BigInteger.ONE.shiftLeft(j);
            for (int i = 0; i < col.size(); i++) { bits.add(col.get(i)); weights.add(unit); }
            vmax = vmax.add(unit.multiply(BigInteger.valueOf(col.size())));
            if (j < shift) continue;
            BigInteger k = constant.and(unit.shiftLeft(1).subtract(BigInteger.ONE));
            int m = vmax.add(k).divide(unit).intValueExact();
            BigInteger[] ts = new BigInteger[m];
            int[] comb = new int[m + 2];
            long[] cw = new long[m + 2];
            for (int t = 1; t <= m; t++) {
                ts[t - 1] = unit.multiply(BigInteger.valueOf(t)).subtract(k);
                cw[t - 1] = t % 2 == 1 ? 1 : -1;
            }
            net.wideGates(bits.toArray(), weights.toArray(new BigInteger[0]), bits.size(), ts, m, comb);
            boolean signBit = j - shift == width - 1;
            comb[m] = hi;
            cw[m] = signBit ? -2 : 2;
            comb[m + 1] = lo;
            cw[m + 1] = signBit ? 2 : -2;
            out[j - shift] = net.gate(comb, cw, comb.length, 1);
        }
        return out;
    }
}
