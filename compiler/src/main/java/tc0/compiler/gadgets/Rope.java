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

    /**
     * The closed sums ({@link WeightedSum#closedSum}, saturating) of a rotated pair, {@code c x - s y} and
     * {@code s x + c y}, over words x, y of {@code w} bits whose every bit is its own fresh node at {@code level}
     * (plain words), counted from the columns' heights ({@link HeightsSum}): what such a sum's count depends on is,
     * per column j, how many bits of {@code |c|} and {@code |s|} fall in {@code (j - w, j]} -- the same for both
     * sums -- and the constant its negative weights give. The literals' identities (a bit of x lands in a column
     * per bit of {@code |c|}) matter only where one literal could reach the final stage alone in two columns (a
     * group of one in the first round keeps its literal, always its column's last entries). Null there, where
     * rounds is not 2, where a number passes a long or both codes are 0: count the forms with their literals
     * ({@code SumForm}). Time O(columns) for both, not O(w bits(c)) each.
     */
    public static ClosedSum[] pairSums(long c, long s, int w, int level, int shift, int width, int rounds) {
        return pairSums(c, s, w, level, false, false, shift, width, rounds);
    }

    /**
     * {@link #pairSums(long, long, int, int, int, int, int)} where x's or y's top bit may sit below {@code level}
     * ({@code xTopLow}, {@code yTopLow}: a sign bit made a level earlier than the rest): counted as if at
     * {@code level}, which is the same count wherever every first-round group holding such a bit also holds an
     * entry at {@code level} (a group's level is its highest entry's); null where one would not.
     */
    public static ClosedSum[] pairSums(long c, long s, int w, int level, boolean xTopLow, boolean yTopLow, int shift, int width, int rounds) {
        return pairSums(c, s, w, level, xTopLow, yTopLow, shift, width, rounds, null);
    }

    /** {@link #lowTops}' bits: x's top bit low, y's, both. */
    public static final int X_LOW = 1, Y_LOW = 2, BOTH_LOW = 4;

    /**
     * {@link #pairSums(long, long, int, int, int, int, int)} (plain words, no low top bit), with {@code joined[0]}
     * set to what {@link #lowTops} needs of its rounds: bit {@code j - w + 1} where the first round leaves column
     * j (from w - 1 on) two entries or more; 0 where the count stops before the rounds.
     */
    public static ClosedSum[] pairSums(long c, long s, int w, int level, int shift, int width, int rounds, long[] joined) {
        joined[0] = 0;
        return pairSums(c, s, w, level, false, false, shift, width, rounds, joined);
    }

    /**
     * The variants with a low top bit whose sums are those of the plain words ({@link #X_LOW}, {@link #Y_LOW},
     * {@link #BOTH_LOW}; the others give null): {@code topsGrouped} of both sums for the three at once, in one pass,
     * from the codes and the plain count's {@code joined} mask ({@link #pairSums(long, long, int, int, int, int, int, long[])}),
     * so that one count serves words whose sign bit sits a level lower (the tensor model's K2 beside K1). Asked
     * only where the plain count ran its rounds.
     */
    public static int lowTops(long c, long s, int w, int shift, int width, long joined) {
        long ac = Math.abs(c), as = Math.abs(s);
        int cols = 64 - Long.numberOfLeadingZeros(ac | as) + w - 1, ok = X_LOW | Y_LOW | BOTH_LOW;
        for (int j = w - 1; j < Math.min(cols, shift + width) && ok != 0; j++) {
            int at = j - w + 1;
            boolean bc = (ac >>> at & 1) != 0, bs = (as >>> at & 1) != 0;
            if (!bc && !bs) continue;
            long win = window(j, w), hc = Long.bitCount(ac & win), n = hc + Long.bitCount(as & win);
            boolean join = (joined >>> at & 1) != 0;
            ok &= lowTops(n, join, bc, bs, hc) & lowTops(n, join, bs, bc, n - hc); // c x - s y: x's coefficient c; s x + c y: s
        }
        return ok;
    }

    private static ClosedSum[] pairSums(long c, long s, int w, int level, boolean xTopLow, boolean yTopLow, int shift, int width, int rounds, long[] joined) {
        long ac = Math.abs(c), as = Math.abs(s);
        if (rounds != 2 || w < 2 || w > 62 || c == Long.MIN_VALUE || s == Long.MIN_VALUE) return null;
        if ((ac | as) == 0 || 64 - Long.numberOfLeadingZeros(ac | as) + w > 60) return null;
        int cols = 64 - Long.numberOfLeadingZeros(ac | as) + w - 1;
        long[] h = new long[cols];
        for (int j = 0; j < cols; j++) h[j] = Long.bitCount(ac & window(j, w)) + Long.bitCount(as & window(j, w));
        HeightsSum rounded = HeightsSum.twoRounds(h, level, shift + width);
        if (rounded == null) return null;
        if (joined != null) {
            long mask = 0;
            for (int j = w - 1; j < Math.min(h.length, rounded.top()); j++) if (rounded.midHeight(j) >= 2) mask |= 1L << (j - w + 1);
            joined[0] = mask;
        }
        if ((xTopLow || yTopLow) && !(topsGrouped(h, rounded, ac, as, xTopLow, yTopLow, w) && topsGrouped(h, rounded, as, ac, xTopLow, yTopLow, w))) {
            return null;
        }
        int read = Math.min(h.length, rounded.top());
        if (!survivorsDistinct(h, rounded.midHeights(), 0, read, ac, as, w) || !survivorsDistinct(h, rounded.midHeights(), 0, read, as, ac, w)) return null;
        long umax = (ac + as) * ((1L << w) - 1), distinct = (c != 0 ? w : 0) + (s != 0 ? w : 0);
        ClosedSum a = rounded.close(negatives(c, w) + negatives(-s, w), umax, distinct, shift, width);
        ClosedSum b = rounded.close(negatives(s, w) + negatives(c, w), umax, distinct, shift, width);
        return a == null || b == null ? null : new ClosedSum[] {a, b};
    }

    /**
     * The constant a w-bit word times {@code coeff} adds to a form: its negative weights ({@code SumShape.add}'s
     * share for each), the top bit's where the coefficient is positive, the other bits' where it is negative.
     */
    static long negatives(long coeff, int w) {
        long top = 1L << (w - 1);
        return coeff > 0 ? -coeff * top : coeff * (top - 1);
    }

    /** The bits {@code (j - w, j]} (those of a coefficient that put a bit of a w-bit word in column j). */
    static long window(int j, int w) {
        long upTo = j >= 63 ? -1L : (1L << (j + 1)) - 1;
        return j - w + 1 <= 0 ? upTo : upTo & -(1L << (j - w + 1));
    }

    /**
     * Whether the literals that reach the final stage alone are distinct: a column's literal reaches it where the
     * first round leaves it a group of one (its column's last entry) and nothing else lands in its column; column
     * j lists x's bits k ascending where bit j - k of {@code ax} is set, then y's likewise (the order
     * {@code SumShape.add} appends them in). Columns {@code 0 .. cols - 1} at {@code h[off + j]}, the first round's
     * heights at {@code mid[off + j]} ({@link RopeRow} keeps both padded).
     */
    static boolean survivorsDistinct(long[] h, long[] mid, int off, int cols, long ax, long ay, int w) {
        long seenX = 0, seenY = 0;
        for (int j = 0; j < cols; j++) {
            long x = h[off + j];
            if (x == 0 || mid[off + j] != 1 || singles(x) == 0) continue;
            int k = lastEntry(ay, j, w);
            if (k >= 0) {
                if ((seenY >>> k & 1) != 0) return false;
                seenY |= 1L << k;
                continue;
            }
            k = lastEntry(ax, j, w);
            if ((seenX >>> k & 1) != 0) return false;
            seenX |= 1L << k;
        }
        return true;
    }

    /**
     * Whether, in every column the rounds read, each first-round group (of two rounds) holding a low top bit also
     * holds another entry, or is a group of one in a column the last round groups with others (its level is then
     * that group's highest, not the bit's): x's top bit, where bit j - w + 1 of {@code ax} is set, is the column's
     * last x entry, y's its last entry; groups are the column's entries cut in order, {@code extra} groups of
     * base + 1 then base.
     */
    private static boolean topsGrouped(long[] h, HeightsSum rounded, long ax, long ay, boolean xLow, boolean yLow, int w) {
        for (int j = w - 1; j < Math.min(h.length, rounded.top()); j++) {
            long hx = Long.bitCount(ax & window(j, w)), at = j - w + 1;
            boolean x = xLow && at < 63 && (ax >>> at & 1) != 0, y = yLow && at < 63 && (ay >>> at & 1) != 0;
            if (!x && !y) continue;
            long n = h[j];
            boolean joined = rounded.midHeight(j) >= 2; // the last round groups column j's entries together
            if (n == 1) {
                if (joined) continue;
                return false;
            }
            long groups = ColumnCut.groups(n, 2), base = ColumnCut.base(n, groups), extra = ColumnCut.extra(n, groups);
            long sx = x ? ColumnCut.sizeAt(hx - 1, base, extra) : 0, sy = y ? ColumnCut.sizeAt(n - 1, base, extra) : 0;
            if (!joined && (sx == 1 || sy == 1)) return false; // a group of one: the low bit alone
            // a group of two low bits alone: x's top bit then y's, both in one group of two
            if (sx == 2 && sy == 2 && ColumnCut.groupOf(hx - 1, base, extra) == ColumnCut.groupOf(n - 1, base, extra)) return false;
        }
        return true;
    }

    /**
     * {@link #topsGrouped}'s test of one column of one sum for the three variants at once: n entries, whether the
     * last round joins them ({@code joined}), whether x's top bit and y's are in it, x's top bit entry hx - 1
     * (y's is the last, n - 1); the bits of the variants it holds for.
     */
    private static int lowTops(long n, boolean joined, boolean x, boolean y, long hx) {
        if (!x && !y) return X_LOW | Y_LOW | BOTH_LOW;
        if (n == 1) return joined ? X_LOW | Y_LOW | BOTH_LOW : x ? Y_LOW : X_LOW; // the one entry is the low bit
        long base, extra;
        if (n < HeightsSum.CUTS) {
            int cut = HeightsSum.CUT[(int) n];
            base = cut >>> 10 & 0x3ff;
            extra = cut >>> 20;
        } else {
            long groups = ColumnCut.groups(n, 2);
            base = ColumnCut.base(n, groups);
            extra = ColumnCut.extra(n, groups);
        }
        long px = hx - 1, py = n - 1, xSize = ColumnCut.sizeAt(px, base, extra), ySize = ColumnCut.sizeAt(py, base, extra);
        boolean xAlone = x && !joined && xSize == 1, yAlone = y && !joined && ySize == 1;
        int ok = X_LOW | Y_LOW | BOTH_LOW;
        if (xAlone) ok &= ~X_LOW;
        if (yAlone) ok &= ~Y_LOW;
        if (xAlone || yAlone || x && y && xSize == 2 && ySize == 2
                && ColumnCut.groupOf(px, base, extra) == ColumnCut.groupOf(py, base, extra)) ok &= ~BOTH_LOW;
        return ok;
    }

    /**
     * The highest bit k of a w-bit word with bit j - k of {@code coeff} set (its last entry in column j; j - k < 63), -1 if
     * none: the lowest set bit of the coefficient's window below bit 63.
     */
    static int lastEntry(long coeff, int j, int w) {
        long in = coeff & window(j, w) & Long.MAX_VALUE;
        return in == 0 ? -1 : j - Long.numberOfTrailingZeros(in);
    }

    /** How many of a column's h entries the first of two rounds leaves alone (groups of one: its last entries). */
    static long singles(long h) {
        if (h <= 1) return h;
        if (h < HeightsSum.CUTS) {
            int cut = HeightsSum.CUT[(int) h];
            return (cut >>> 10 & 0x3ff) == 1 ? (cut & 0x3ff) - (cut >>> 20) : 0;
        }
        long groups = ColumnCut.groups(h, 2);
        return ColumnCut.base(h, groups) == 1 ? groups - ColumnCut.extra(h, groups) : 0;
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
