package tc0.compiler.gadgets;

import tc0.compiler.numerics.FixedFormat;

/**
 * Products of words: the partial products {@code x_i AND y_j} (depth 1, one AND each) enter one
 * {@link WeightedSum} with weights {@code ±2^(i+j)} (negative when exactly one of the two bits is a sign
 * bit). A dot product puts the partial products of all its pairs into the same sum, so it is one block of
 * depth {@code 1 + 2k + 2} whatever its length; rounding to the output format happens once, at the end.
 * A product with a constant needs no AND: see {@link LinearForm#addWord} and {@link MatMul#constant}.
 */
public final class Multiply {
    private Multiply() {}

    /** Adds {@code coeff * x * y} (signed words) to the form: one AND per bit pair. */
    public static LinearForm addProduct(Net net, LinearForm f, int[] x, int[] y, long coeff) {
        int wx = x.length, wy = y.length;
        for (int i = 0; i < wx; i++) {
            for (int j = 0; j < wy; j++) {
                long w = Math.multiplyExact(coeff, 1L << (i + j));
                if ((i == wx - 1) != (j == wy - 1)) w = -w;
                f.add(net.and(x[i], y[j]), w);
            }
        }
        return f;
    }

    /** {@code x * y} in {@code out}: exact product, one rounding, saturation ({@link tc0.compiler.numerics.Fixed#mul}). */
    public static int[] fixed(Net net, int[] x, FixedFormat fx, int[] y, FixedFormat fy, FixedFormat out, int rounds) {
        LinearForm f = addProduct(net, new LinearForm(), x, y, 1);
        return WeightedSum.toFormat(net, f, fx.fracBits() + fy.fracBits(), out, rounds);
    }

    /** {@code sum_t x_t * y_t} in {@code out}: exact, one rounding ({@link tc0.compiler.numerics.Fixed#dot}). */
    public static int[] dot(Net net, int[][] xs, FixedFormat fx, int[][] ys, FixedFormat fy, FixedFormat out, int rounds) {
        if (xs.length != ys.length) throw new IllegalArgumentException("lengths differ");
        LinearForm f = new LinearForm();
        for (int t = 0; t < xs.length; t++) addProduct(net, f, xs[t], ys[t], 1);
        return WeightedSum.toFormat(net, f, fx.fracBits() + fy.fracBits(), out, rounds);
    }

    public static Cost costFixed(FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        CountingNet n = new CountingNet();
        fixed(n, n.input(fx.width()), fx, n.input(fy.width()), fy, out, rounds);
        return n.cost();
    }

    public static Cost costDot(int d, FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        CountingNet n = new CountingNet();
        dot(n, n.inputs(d, fx.width()), fx, n.inputs(d, fy.width()), fy, out, rounds);
        return n.cost();
    }
}
