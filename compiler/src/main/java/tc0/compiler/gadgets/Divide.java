package tc0.compiler.gadgets;

import tc0.compiler.numerics.FixedFormat;

/**
 * Division {@code x / y} exactly as {@link tc0.compiler.numerics.Fixed#div}: the exact quotient rounded
 * once, saturated, division by zero saturating by the sign of x. Built by comparisons, depth 2, for every
 * sign: with {@code X = x 2^(Fy+Fo)}, {@code Y = y 2^Fx}, the rounded quotient q satisfies {@code q >= t}
 * iff {@code 2X >= (2t-1) Y} when {@code y >= 0} and iff {@code 2X <= (2t-1) Y} when {@code y < 0}.
 * Level 1: for each output code t, the gates {@code P_t = [2X - (2t-1)Y + M s >= 0]} and
 * {@code N_t = [(2t-1)Y - 2X + M (1-s) >= 0]} (s the sign bit of y, M larger than any |2X - (2t-1)Y|),
 * so {@code [q >= t] = P_t + N_t - 1}; level 2: one gate per output bit over those indicators. Cost is
 * exponential in the output width ({@code 2(2^Wo - 1)} gates of fan-in {@code wx + wy}): polynomial in the
 * log-precision regime, where {@code Wo = O(log n)}. Weights must fit a long (small widths).
 */
public final class Divide {
    private Divide() {}

    public static int[] fixed(Net net, int[] x, FixedFormat fx, int[] y, FixedFormat fy, FixedFormat out) {
        int s = y[y.length - 1];
        long min = out.minCode(), max = out.maxCode();
        int n = (int) (max - min);
        int[][] ind = new int[n + 1][];
        for (int i = 1; i <= n; i++) {
            long t = min + i;
            LinearForm f = new LinearForm().addWord(x, 1L << (fy.fracBits() + out.fracBits() + 1))
                    .addWord(y, -Math.multiplyExact(2 * t - 1, 1L << fx.fracBits()));
            long big = Math.addExact(Math.max(Math.abs(f.min()), Math.abs(f.max())), 1);
            int p = new LinearForm().addAll(f).add(s, big).atLeast(net, 0);
            int q = new LinearForm().addAll(f.scaled(-1)).add(s, -big).addConstant(big).atLeast(net, 0);
            ind[i] = new int[] {p, q};
        }
        int[] bits = new int[out.width()];
        for (int b = 0; b < out.width(); b++) {
            long base = min >>> b & 1;
            LinearForm g = new LinearForm();
            long offset = 0;
            for (int i = 1; i <= n; i++) {
                long d = ((min + i) >>> b & 1) - ((min + i - 1) >>> b & 1);
                if (d == 0) continue;
                g.add(ind[i][0], d).add(ind[i][1], d);
                offset += d; // d * (P + N - 1)
            }
            bits[b] = g.atLeast(net, 1 - base + offset);
        }
        return bits;
    }

    /** {@code 1 / x} correctly rounded: a table lookup ({@link Lookup}), depth 2. */
    public static int[] reciprocal(Net net, int[] x, FixedFormat fx, FixedFormat out) {
        return Lookup.function(net, x, tc0.compiler.numerics.UnaryFunction.RECIPROCAL, fx, out);
    }

    public static Cost cost(FixedFormat fx, FixedFormat fy, FixedFormat out) {
        CountingNet n = new CountingNet();
        fixed(n, n.input(fx.width()), fx, n.input(fy.width()), fy, out);
        return n.cost();
    }
}
