package tc0.compiler.gadgets;

import tc0.circuits.Literal;
import tc0.compiler.numerics.FixedFormat;

/**
 * The mean of the entries whose mask bit is 1, exactly as {@link tc0.compiler.numerics.Fixed#maskedMean}: with
 * {@code S} the exact sum of the kept codes and {@code C} how many are kept, {@code round(S / (C 2^Fx))} into
 * {@code out}, saturated, and 0 where nothing is kept. Depth 3, whatever the line's length:
 * <ol>
 * <li>an AND of each mask bit with each bit of its word, and {@code z = [no bit set]} (one gate over the mask);
 * <li>for each output code t above the smallest, {@code [q >= t] = [2^(Fo+1) S - (2t - 1) 2^Fx C' >= 0]} with
 * {@code C' = C + z >= 1}: the count of set bits enters as a sum of bits inside the comparator, never as a
 * word, and {@code C'} is positive, so no sign case (where nothing is kept, S = 0 and every t <= 0 holds: 0);
 * <li>the output bits from those monotone indicators ({@link Lookup#stepBits}).
 * </ol>
 * Cost: the ANDs, one gate for z, {@code 2^Wo - 1} comparators of fan-in (ANDs + mask bits + 1), and a gate per
 * output bit that changes more than once: as {@link Divide}, polynomial in the log-precision regime.
 */
public final class MaskedMean {
    private MaskedMean() {}

    /** {@code mask[j]}: a literal (perhaps a constant) per word {@code xs[j]}. */
    public static int[] build(Net net, int[][] xs, int[] mask, FixedFormat fx, FixedFormat out) {
        if (mask.length != xs.length) throw new IllegalArgumentException(mask.length + " mask bits for " + xs.length + " words");
        LinearForm sum = new LinearForm(); // 2^(Fo+1) S over the ANDs
        long unit = 1L << (out.fracBits() + 1);
        LinearForm none = new LinearForm(); // -C: z = [-C >= 0]
        for (int j = 0; j < xs.length; j++) {
            int w = xs[j].length;
            for (int b = 0; b < w; b++) {
                long weight = Math.multiplyExact(b == w - 1 ? -(1L << b) : 1L << b, unit);
                sum.add(and(net, mask[j], xs[j][b]), weight);
            }
            none.add(mask[j], -1);
        }
        int z = none.atLeast(net, 0);
        long lo = out.minCode();
        int steps = Math.toIntExact(out.maxCode() - lo);
        int[] ge = new int[steps + 1];
        long[] values = new long[steps + 1];
        values[0] = lo;
        LinearForm f = new LinearForm();
        for (int i = 1; i <= steps; i++) {
            long t = lo + i;
            long c = Math.multiplyExact(Math.subtractExact(2 * t, 1), 1L << fx.fracBits());
            f.clear().addAll(sum);
            for (int m : mask) f.add(m, -c);
            f.add(z, -c);
            ge[i] = f.atLeast(net, 0);
            values[i] = t;
        }
        return Lookup.stepBits(net, ge, values, out.width());
    }

    /** The AND of two literals, folded where either is a constant (as the lowering's masks are). */
    static int and(Net net, int m, int x) {
        if (m == Literal.FALSE || x == Literal.FALSE) return Literal.FALSE;
        if (m == Literal.TRUE) return x;
        if (x == Literal.TRUE) return m;
        return net.and(m, x);
    }
}
