package tc0.compiler.gadgets;

import tc0.compiler.numerics.FixedFormat;

/**
 * Matrix products, each output entry one constant-depth block:
 * <ul>
 *   <li>{@link #constant}: {@code W x} with a constant matrix: the constants fold into the weights of one
 *       {@link WeightedSum} per row (no multiplier): depth {@code 2k + 2};</li>
 *   <li>{@link #variable}: {@code A B} with both matrices inputs: one {@link Multiply#dot} per entry:
 *       depth {@code 2k + 3}.</li>
 * </ul>
 * Each entry is exact then rounded once to {@code out} ({@link tc0.compiler.numerics.Fixed#dot}).
 */
public final class MatMul {
    private MatMul() {}

    /** {@code y_i = sum_j w[i][j] * x_j}, {@code w} codes of {@code fw}, {@code x} words of {@code fx}. */
    public static int[][] constant(Net net, long[][] w, FixedFormat fw, int[][] x, FixedFormat fx, FixedFormat out, int rounds) {
        int[][] y = new int[w.length][];
        for (int i = 0; i < w.length; i++) {
            if (w[i].length != x.length) throw new IllegalArgumentException("row " + i + " has " + w[i].length + " entries for " + x.length + " inputs");
            LinearForm f = new LinearForm();
            for (int j = 0; j < x.length; j++) f.addWord(x[j], w[i][j]);
            y[i] = WeightedSum.toFormat(net, f, fw.fracBits() + fx.fracBits(), out, rounds);
        }
        return y;
    }

    /** {@code C = A B}: {@code a} is n x d words of {@code fa}, {@code b} d x p words of {@code fb}; C is n x p. */
    public static int[][][] variable(Net net, int[][][] a, FixedFormat fa, int[][][] b, FixedFormat fb, FixedFormat out, int rounds) {
        int n = a.length, d = b.length, p = b[0].length;
        int[][][] c = new int[n][p][];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                int[][] col = new int[d][];
                for (int t = 0; t < d; t++) col[t] = b[t][k];
                c[i][k] = Multiply.dot(net, a[i], fa, col, fb, out, rounds);
            }
        }
        return c;
    }

    public static Cost costConstant(long[][] w, FixedFormat fw, FixedFormat fx, FixedFormat out, int rounds) {
        CountingNet net = new CountingNet();
        constant(net, w, fw, net.inputs(w[0].length, fx.width()), fx, out, rounds);
        return net.cost();
    }

    public static Cost costVariable(int n, int d, int p, FixedFormat fa, FixedFormat fb, FixedFormat out, int rounds) {
        CountingNet net = new CountingNet();
        int[][][] a = new int[n][][], b = new int[d][][];
        for (int i = 0; i < n; i++) a[i] = net.inputs(d, fa.width());
        for (int t = 0; t < d; t++) b[t] = net.inputs(p, fb.width());
        variable(net, a, fa, b, fb, out, rounds);
        return net.cost();
    }

    /** Closed form of {@link #costVariable}: {@code n p} times {@link Multiply#closedCostDot}{@code (d)}; time independent of n, d, p. */
    public static Cost closedCostVariable(long n, long d, long p, FixedFormat fa, FixedFormat fb, FixedFormat out, int rounds) {
        return Multiply.times(Multiply.closedCostDot(d, fa, fb, out, rounds), Math.multiplyExact(n, p));
    }

    /**
     * Closed form of {@link #costConstant}, exact: per row the closed {@link WeightedSum} of the shape its
     * constants give (a coefficient that is not a power of two puts each bit of x in several columns: those
     * bits are tracked one by one). Time O(entries * width * 64) (it reads every constant), no gate made.
     */
    public static Cost closedCostConstant(long[][] w, FixedFormat fw, FixedFormat fx, FixedFormat out, int rounds) {
        long[] sh = WeightedSum.toFormatShift(fw.fracBits() + fx.fracBits(), out);
        Cost total = new Cost(0, 0, 0);
        for (long[] row : w) {
            SumShape s = new SumShape();
            for (long c : row) s.addWords(1, fx.width(), Math.multiplyExact(c, sh[1]), 0);
            total = Multiply.plus(total, WeightedSum.closedCost(s, (int) sh[0], out.width(), true, rounds));
        }
        return total;
    }
}
