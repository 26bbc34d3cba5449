package tc0.compiler.gadgets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * Layer norm of a row exactly as {@link Fixed#layerNorm}, one constant-depth block whatever the row length
 * m ({@code k} = compression rounds of the {@link WeightedSum}s):
 * <ol>
 *   <li>{@code S = sum x_i} as an exact word (depth {@code 2k + 2}); in parallel {@code T = sum x_i^2} as an
 *       exact word from the ANDs {@code x_ia x_ib} (depth {@code 2k + 3});</li>
 *   <li>the ANDs {@code S_a S_b} (depth {@code 2k + 3}), then one comparator per breakpoint {@code a} of the
 *       scale, {@code [Q >= a]} with {@code Q = m T - S^2}, ONE gate over the bits of T and the S-ANDs
 *       (depth {@code 2k + 4}; Q is never built), and the bits of rho from them ({@link Lookup#stepBits},
 *       depth {@code 2k + 5});</li>
 *   <li>{@code y_i = (m x_i - S) rho}: the ANDs {@code x_ia rho_c} and {@code S_b rho_c} (the latter shared by
 *       the row), one {@link WeightedSum} per element with weights {@code m 2^(a+c)} and {@code -2^(b+c)},
 *       rounded once: depth {@code 4k + 8}.</li>
 * </ol>
 * Breakpoints: at most {@code fr.maxCode()} (fewer with a positive eps: rho then never exceeds
 * {@code 2^Fr / sqrt(eps)}), each of fan-in {@code |T| + |S|(|S|+1)/2}, independent of m.
 */
public final class LayerNorm {
    private LayerNorm() {}

    /** The row normalised; {@code eps} a nonnegative code of {@code feps}; rho at {@code fr} (see {@link Fixed#layerNorm}). */
    public static int[][] build(Net net, int[][] xs, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds) {
        int m = xs.length, w = fx.width();
        for (int[] x : xs) if (x.length != w) throw new IllegalArgumentException("word of " + x.length + " bits for " + fx);
        Scale sc = scale(m, fx, eps, feps, fr);
        // S and, when rho depends on the row, T and the comparators.
        boolean needS = sc.values.length > 1 || sc.values[0] != 0;
        int[] s = needS ? sum(net, xs, rounds) : null;
        int[] rho = rho(net, xs, s, sc, fr.width() - 1, rounds);
        if (s == null) { // rho = 0: every output is 0
            int frac = fx.fracBits() + Fixed.layerNormScaleFracBits(m, fr);
            int[][] y = new int[m][];
            for (int i = 0; i < m; i++) y[i] = WeightedSum.toFormat(net, new LinearForm(), frac, out, rounds);
            return y;
        }
        return normalised(net, xs, s, rho, fx, fr, out, rounds);
    }

    /** Step 1: {@code S = sum x_i} as an exact word (its own step, public so that each step can be proved alone). */
    public static int[] sum(Net net, int[][] xs, int rounds) {
        LinearForm sf = new LinearForm();
        for (int[] x : xs) sf.addWord(x, 1);
        return WeightedSum.exact(net, sf, rounds);
    }

    /**
     * Step 2: the bits of the scale rho ({@code fr.width() - 1} magnitude bits) from the row and its sum
     * {@code s} (step 1's word, read only where rho depends on the row): {@code T = sum x_i^2}, the comparators
     * {@code [m T - S^2 >= a]} and the step function's bits.
     */
    public static int[] rho(Net net, int[][] xs, int[] s, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, int rounds) {
        return rho(net, xs, s, scale(xs.length, fx, eps, feps, fr), fr.width() - 1, rounds);
    }

    private static int[] rho(Net net, int[][] xs, int[] s, Scale sc, int rw, int rounds) {
        if (sc.values.length == 1) return constantWord(sc.values[0], rw);
        int m = xs.length;
        LinearForm tf = new LinearForm();
        for (int[] x : xs) addSquare(net, tf, x, 1);
        int[] t = WeightedSum.exact(net, tf, rounds);
        LinearForm q = new LinearForm().addWord(t, m);
        addSquare(net, q, s, -1);
        int[] ge = new int[sc.values.length];
        q.atLeastAll(net, sc.breaks, 1, ge.length, ge);
        return Lookup.stepBits(net, ge, sc.values, rw);
    }

    /**
     * Step 3: {@code y_i = (m x_i - S) rho} rounded once into out, from the row, its sum {@code s} (a signed
     * word) and the scale's magnitude bits {@code rho} (nonnegative), rho at {@code fr} with layer norm's extra
     * fraction bits.
     */
    public static int[][] normalised(Net net, int[][] xs, int[] s, int[] rho, FixedFormat fx, FixedFormat fr, FixedFormat out, int rounds) {
        int m = xs.length, w = fx.width(), rw = rho.length;
        int frac = fx.fracBits() + Fixed.layerNormScaleFracBits(m, fr);
        int[][] y = new int[m][];
        // The shared part -S rho.
        LinearForm shared = new LinearForm();
        int ws = s.length;
        for (int b = 0; b < ws; b++) {
            for (int c = 0; c < rw; c++) {
                long wt = pow2(b + c);
                shared.add(net.and(s[b], rho[c]), b == ws - 1 ? wt : -wt);
            }
        }
        for (int i = 0; i < m; i++) {
            LinearForm f = new LinearForm();
            for (int a = 0; a < w; a++) {
                for (int c = 0; c < rw; c++) {
                    long wt = Math.multiplyExact((long) m, pow2(a + c));
                    f.add(net.and(xs[i][a], rho[c]), a == w - 1 ? -wt : wt);
                }
            }
            f.addAll(shared);
            y[i] = WeightedSum.toFormat(net, f, frac, out, rounds);
        }
        return y;
    }

    /**
     * {@code 2^e}, the weight of a bit product in layer norm's sums; an {@link ArithmeticException} where it
     * does not fit a long (very wide formats: counting then says the model cannot be built there) instead
     * of a shift that wraps.
     */
    public static long pow2(int e) {
        if (e > 62) throw new ArithmeticException("a layer-norm weight 2^" + e + " exceeds what a long holds");
        return 1L << e;
    }

    /** Adds {@code sign * x^2} for a signed word: the bits {@code x_a} (a = b) and the ANDs {@code x_a x_b} (a < b). */
    static void addSquare(Net net, LinearForm f, int[] x, long sign) {
        int w = x.length;
        for (int a = 0; a < w; a++) {
            f.add(x[a], sign * pow2(2 * a));
            for (int b = a + 1; b < w; b++) {
                long wt = sign * pow2(a + b + 1);
                f.add(net.and(x[a], x[b]), b == w - 1 ? -wt : wt);
            }
        }
    }

    private static int[] constantWord(long v, int width) {
        int[] r = new int[width];
        for (int c = 0; c < width; c++) r[c] = ((v >>> c) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return r;
    }

    /**
     * The scale as a step function of Q over {@code [0, maxQ]}: {@code values[0]} at Q = 0 and
     * {@code values[i]} from {@code Q >= breaks[i]} on ({@code i >= 1}, breaks increasing, values decreasing).
     */
    record Scale(long[] breaks, long[] values) {}

    static Scale scale(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        BigInteger maxQ = Fixed.layerNormMaxQ(m, fx);
        long top = Fixed.layerNormScale(BigInteger.ZERO, m, fx, eps, feps, fr);
        long bottom = Fixed.layerNormScale(maxQ, m, fx, eps, feps, fr);
        List<Long> breaks = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        breaks.add(0L);
        values.add(top);
        // From each value v, the next step is where rho first drops below v: one limit and one scale per step
        // (the same steps as trying every t from top down to bottom, without the t that change nothing).
        for (long v = top; v > bottom; ) {
            long a = Fixed.layerNormScaleLimit(v, m, fx, eps, feps, fr).add(BigInteger.ONE).longValueExact();
            if (a <= breaks.get(breaks.size() - 1)) throw new IllegalStateException("layer norm scale not decreasing at " + a);
            v = Fixed.layerNormScale(BigInteger.valueOf(a), m, fx, eps, feps, fr);
            breaks.add(a);
            values.add(v);
        }
        long[] b = new long[breaks.size()], v = new long[values.size()];
        for (int i = 0; i < b.length; i++) { b[i] = breaks.get(i); v[i] = values.get(i); }
        return new Scale(b, v);
    }

    /**
     * The scale's steps: {@code {breaks, values}} ({@code values[0]} at Q = 0, {@code values[i]} from
     * {@code Q >= breaks[i]} on), as {@link #build} uses them; for counting without building.
     */
    public static long[][] scaleSteps(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        Scale s = scale(m, fx, eps, feps, fr);
        return new long[][] {s.breaks.clone(), s.values.clone()};
    }

    /** Number of comparators {@code [Q >= a]} (breakpoints of the scale) for these parameters. */
    public static int breakpoints(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        return scale(m, fx, eps, feps, fr).breaks.length - 1;
    }

    /** The cost of {@link #build} for a row of m words (counted on a {@link CountingNet}). */
    public static Cost cost(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out, int rounds) {
        CountingNet n = new CountingNet();
        build(n, n.inputs(m, fx.width()), fx, eps, feps, fr, out, rounds);
        return n.cost();
    }
}
