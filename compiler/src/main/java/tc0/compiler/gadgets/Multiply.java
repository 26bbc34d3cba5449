package tc0.compiler.gadgets;

import tc0.compiler.numerics.Fixed;
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
            for (int j = 0; j < wy; j++) f.add(net.and(x[i], y[j]), partialWeight(coeff, i, j, wx, wy));
        }
        return f;
    }

    /**
     * The weight of the partial product {@code x_i AND y_j} in {@code coeff * x * y} for words of {@code wx}
     * and {@code wy} bits: {@code ±coeff 2^(i+j)}, negative when exactly one of the two bits is a sign bit.
     * Throws {@link ArithmeticException} naming the bits where it does not fit a long ({@code 1L << (i + j)}
     * would wrap silently from {@code i + j = 63} on).
     */
    public static long partialWeight(long coeff, int i, int j, int wx, int wy) {
        if (i + j > 62) {
            throw new ArithmeticException("the weight 2^" + (i + j) + " of the partial product of bits " + i + " and " + j + " (words of "
                    + wx + " and " + wy + " bits) exceeds what a long holds");
        }
        long w = Math.multiplyExact(coeff, 1L << (i + j));
        return (i == wx - 1) != (j == wy - 1) ? Math.negateExact(w) : w;
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

    /** The form of a dot product of d pairs: the ANDs at level {@code level + 1}, scaled by {@code factor}. */
    static SumShape dotShape(long d, int wx, int wy, long factor, int level) {
        SumShape s = new SumShape();
        for (int i = 0; i < wx; i++) {
            for (int j = 0; j < wy; j++) s.add(d, partialWeight(factor, i, j, wx, wy), level + 1);
        }
        return s;
    }

    /** Gates and wires of {@code count} ANDs of two inputs at level 1. */
    static Cost ands(long count) { return new Cost(count > 0 ? 1 : 0, count, 2 * count); }

    static Cost plus(Cost a, Cost b) { return new Cost(Math.max(a.depth(), b.depth()), a.gates() + b.gates(), a.wires() + b.wires()); }

    static Cost times(Cost a, long n) { return n == 0 ? new Cost(0, 0, 0) : new Cost(a.depth(), Math.multiplyExact(a.gates(), n), Math.multiplyExact(a.wires(), n)); }

    /**
     * Closed form of {@link #costDot}: {@code d wx wy} ANDs (fan-in 2, level 1) plus the closed
     * {@link WeightedSum} of their partial products (weights {@code ±2^(i+j)}, each column {@code j} holding
     * {@code d * #{(a, b): a + b = j}} bits). Time O(wx wy + rounds top^2), whatever d.
     */
    public static Cost closedCostDot(long d, FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        long[] sh = WeightedSum.toFormatShift(fx.fracBits() + fy.fracBits(), out);
        Cost sum = WeightedSum.closedCost(dotShape(d, fx.width(), fy.width(), sh[1], 0), (int) sh[0], out.width(), true, rounds);
        return plus(ands(Math.multiplyExact(d, (long) fx.width() * fy.width())), sum);
    }

    /** Closed form of {@link #costFixed} (a dot product of one pair). */
    public static Cost closedCostFixed(FixedFormat fx, FixedFormat fy, FixedFormat out, int rounds) {
        return closedCostDot(1, fx, fy, out, rounds);
    }

    /**
     * {@code Fixed.mul(x, y)} into {@code out}. When a factor is a constant word, no partial product is made:
     * {@code c x} is one weighted sum, and when {@code c = 2^s} lands {@code x} in {@code out} exactly (a
     * left shift by {@code t >= 0} that cannot overflow) the product is wiring, no gate.
     */
    public static int[] folding(Net net, int[] x, FixedFormat fx, int[] y, FixedFormat fy, FixedFormat out, int rounds) {
        Long cx = constantCode(x), cy = constantCode(y);
        if (cx != null && cy != null) return constantCodeWord(Fixed.mul(cx, fx, cy, fy, out), out.width());
        if (cx != null) return folding(net, y, fy, x, fx, out, rounds);
        if (cy == null) return fixed(net, x, fx, y, fy, out, rounds);
        long c = cy;
        if (c == 0) return constantCodeWord(0, out.width());
        int t = Long.numberOfTrailingZeros(c) + out.fracBits() - fx.fracBits() - fy.fracBits();
        if (c > 0 && Long.bitCount(c) == 1 && t >= 0 && x.length + t <= out.width()) {
            int[] r = new int[out.width()];
            for (int k = 0; k < r.length; k++) r[k] = k < t ? tc0.circuits.Literal.FALSE : x[Math.min(k - t, x.length - 1)];
            return r;
        }
        return WeightedSum.toFormat(net, new LinearForm().addWord(x, c), fx.fracBits() + fy.fracBits(), out, rounds);
    }

    /** The two's complement code of a word whose every literal is a constant, else null. */
    private static Long constantCode(int[] w) {
        long c = 0;
        for (int k = 0; k < w.length; k++) {
            if (!tc0.circuits.Literal.isConstant(w[k])) return null;
            if (w[k] == tc0.circuits.Literal.TRUE) c |= 1L << k;
        }
        return w.length < 64 ? (c << (64 - w.length)) >> (64 - w.length) : c;
    }

    private static int[] constantCodeWord(long code, int width) {
        int[] w = new int[width];
        for (int k = 0; k < width; k++) w[k] = ((code >> k) & 1) != 0 ? tc0.circuits.Literal.TRUE : tc0.circuits.Literal.FALSE;
        return w;
    }
}
