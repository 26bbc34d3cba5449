package tc0.compiler.gadgets;

import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Table;
import tc0.compiler.numerics.UnaryFunction;

/**
 * Softmax of a row exactly as {@link Fixed#softmax}, depth 7 whatever the row length:
 * <ol>
 *   <li>levels 1-3: the row maximum {@code mx} ({@link MaxArgmax#max});</li>
 *   <li>level 4: comparators {@code [x_i - mx >= a]}, each ONE gate over the bits of x_i and mx, at the
 *       breakpoints of the EXP table over {@code [min - max, 0]} (no subtractor is built);</li>
 *   <li>level 5: the bits of {@code e_i = EXP(x_i - mx)} ({@link Lookup#stepBits});</li>
 *   <li>level 6: {@code [p_i >= t] = [e_i 2^(Fo+1) - (2t-1) sum_j e_j >= 0]}, one gate over all e bits per
 *       output code {@code t = 1 .. min(maxCode, 2^Fo)} (p <= 1; the sum is never built);</li>
 *   <li>level 7: the bits of {@code p_i}.</li>
 * </ol>
 */
public final class Softmax {
    private Softmax() {}

    public static int[][] build(Net net, int[][] xs, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        return normalise(net, exps(net, xs, MaxArgmax.max(net, xs), fx, fe), out);
    }

    /**
     * Levels 4-5: {@code e_i = EXP(x_i - mx)} rounded into fe, given the row maximum {@code mx} (its own step,
     * public so that each step can be proved alone).
     */
    public static int[][] exps(Net net, int[][] xs, int[] mx, FixedFormat fx, FixedFormat fe) {
        FixedFormat fd = Fixed.softmaxDiffFormat(fx);
        Table exp = Table.of(UnaryFunction.EXP, fd, fe);
        long lo = fx.minCode() - fx.maxCode();
        long[] values = new long[(int) (-lo) + 1];
        for (int i = 0; i < values.length; i++) values[i] = exp.at(lo + i);
        int[][] e = new int[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            LinearForm d = new LinearForm().addWord(xs[i], 1).addWord(mx, -1);
            e[i] = Lookup.build(net, d, lo, values, fe.width());
        }
        return e;
    }

    /**
     * Levels 6-7: {@code p_i = e_i / sum_j e_j} rounded once into out, for nonnegative codes {@code e_j} with a
     * positive sum (the sum and the division are one step: the sum is never built as a word).
     */
    public static int[][] normalise(Net net, int[][] e, FixedFormat out) {
        int m = e.length;
        long top = Math.min(out.maxCode(), 1L << out.fracBits());
        long[] ramp = new long[(int) top + 1];
        for (int t = 0; t <= top; t++) ramp[t] = t;
        int[][] p = new int[m][];
        LinearForm f = new LinearForm(); // one form refilled per comparator: its arrays grow once, not per gate
        for (int i = 0; i < m; i++) {
            int[] ge = new int[(int) top + 1];
            for (int t = 1; t <= top; t++) {
                f.clear().addWord(e[i], 1L << (out.fracBits() + 1));
                for (int j = 0; j < m; j++) f.addWord(e[j], -(2L * t - 1));
                ge[t] = f.atLeast(net, 0);
            }
            p[i] = Lookup.stepBits(net, ge, ramp, out.width());
        }
        return p;
    }

    public static Cost cost(int m, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        CountingNet n = new CountingNet();
        build(n, n.inputs(m, fx.width()), fx, fe, out);
        return n.cost();
    }
}
