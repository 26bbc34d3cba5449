package tc0.compiler.gadgets;

import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * RoPE rotation. At a fixed position the sines and cosines are constants, so each rotated pair is two
 * {@link WeightedSum}s with constant weights ({@code c x - s y}, {@code s x + c y}), exactly as
 * {@link Fixed#rope}: depth {@code 2k + 2}, no multiplier.
 */
public final class Rope {
    private Rope() {}

    /** The pair {@code (x, y)} rotated by the coefficient codes {@code (c, s)} of {@code fc}. */
    public static int[][] rotate(Net net, int[] x, int[] y, FixedFormat fx, long c, long s, FixedFormat fc, FixedFormat out, int rounds) {
        int frac = fx.fracBits() + fc.fracBits();
        int[] a = WeightedSum.toFormat(net, new LinearForm().addWord(x, c).addWord(y, -s), frac, out, rounds);
        int[] b = WeightedSum.toFormat(net, new LinearForm().addWord(x, s).addWord(y, c), frac, out, rounds);
        return new int[][] {a, b};
    }

    /** A vector of even length d at position {@code pos}: pair i = (v[2i], v[2i+1]) at angle {@link Fixed#ropeAngle}. */
    public static int[][] apply(Net net, int[][] v, int pos, double base, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {
        int d = v.length;
        if (d % 2 != 0) throw new IllegalArgumentException("RoPE needs an even dimension, got " + d);
        int[][] r = new int[d][];
        for (int i = 0; i < d / 2; i++) {
            long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(pos, i, d, base), fc);
            int[][] p = rotate(net, v[2 * i], v[2 * i + 1], fx, cs[0], cs[1], fc, out, rounds);
            r[2 * i] = p[0];
            r[2 * i + 1] = p[1];
        }
        return r;
    }

    public static Cost cost(int d, int pos, double base, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {
        CountingNet n = new CountingNet();
        apply(n, n.inputs(d, fx.width()), pos, base, fx, fc, out, rounds);
        return n.cost();
    }

    /**
     * Closed form of {@link #cost}: per pair two closed {@link WeightedSum}s of the shapes its coefficients
     * give. Exact; time O(d w 64) (the coefficients differ per pair), no gate made.
     */
    public static Cost closedCost(int d, int pos, double base, FixedFormat fx, FixedFormat fc, FixedFormat out, int rounds) {
        if (d % 2 != 0) throw new IllegalArgumentException("RoPE needs an even dimension, got " + d);
        long[] sh = WeightedSum.toFormatShift(fx.fracBits() + fc.fracBits(), out);
        int w = fx.width();
        Cost total = new Cost(0, 0, 0);
        for (int i = 0; i < d / 2; i++) {
            long[] cs = Fixed.ropeCoefficients(Fixed.ropeAngle(pos, i, d, base), fc);
            long c = cs[0] * sh[1], s = cs[1] * sh[1];
            SumShape a = new SumShape().addWords(1, w, c, 0).addWords(1, w, -s, 0);
            SumShape b = new SumShape().addWords(1, w, s, 0).addWords(1, w, c, 0);
            total = Multiply.plus(total, WeightedSum.closedCost(a, (int) sh[0], out.width(), true, rounds));
            total = Multiply.plus(total, WeightedSum.closedCost(b, (int) sh[0], out.width(), true, rounds));
        }
        return total;
    }
}
