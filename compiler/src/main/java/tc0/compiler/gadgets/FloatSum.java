package tc0.compiler.gadgets;

import tc0.circuits.Literal;

/**
 * The sum of n p-bit floats with one rounding ({@code d_sum}; n = 2 is the addition of {@code d_std}), in
 * constant depth whatever p and n. Every float is an integer multiple of the smallest exponent's unit
 * {@code 2^(-2^(q-1))}: {@code X_i = m_i 2^(E_i)} ({@code E_i} biased), so the sum is exact on that grid
 * of {@code W = p + 2^q - 1 + bits(n)} columns:
 * <ol>
 *   <li>alignment: bit j of {@code X_i} with its sign, {@code OR_k ([E_i = k] AND [s_i = s] AND m_(i, j-k))}
 *       (depth 2), into columns with weight {@code +2^j} (positive) or {@code -2^j} (negative);</li>
 *   <li>the exact sum S and its negation by two {@link WideSum}s side by side ({@code 2k + 7}), each adding its
 *       constant (the negated terms' {@code -2^j}, a constant operand's bits) in its blocks' ladders
 *       ({@link WideSum#buildConstantInBlocks}): compressed as {@code TRUE} bits, a constant's position among the
 *       blocks decided a level where the other operands fold too ({@code 1 + e} for a positive e);</li>
 *   <li>the magnitude {@code |S|}, chosen by S's sign bit (2), rounded by {@link FloatRound} (9). Where every
 *       term has one known sign the magnitudes' sum is {@code |S|}: one {@code WideSum}, no choice (22 deep).</li>
 * </ol>
 * Simplified against Chiang: the grid spans the whole exponent range, so the size grows with {@code 2^q}
 * ({@code q = O(log p)} keeps it polynomial; Chiang's exponent of p + 1 bits would not).
 */
public final class FloatSum {
    private FloatSum() {}

    public static FloatWord build(Net net, FloatWord[] xs, int rounds) {
        int p = xs[0].significand().length, q = xs[0].exponent().length, n = xs.length;
        int w = p + (1 << q) - 1 + (64 - Long.numberOfLeadingZeros(n)) + 1; // and a sign bit
        WideColumns plus = new WideColumns(w), minus = new WideColumns(w);
        for (FloatWord x : xs) {
            int[][] bits = AlignedBits.of(net, x);
            for (int s = 0; s < 2; s++) {
                for (int j = 0; j < p + (1 << q) - 1; j++) {
                    if (s == 0) { plus.addShifted(bits[s][j], j); minus.subtractShifted(bits[s][j], j); }
                    else { plus.subtractShifted(bits[s][j], j); minus.addShifted(bits[s][j], j); }
                }
            }
        }
        int sign = commonConstantSign(xs);
        if (sign != -1) { // every term of one known sign: |S| is the sum of the magnitudes, one WideSum, no choice by sign
            int[] magnitude = java.util.Arrays.copyOf(WideSum.buildConstantInBlocks(net, sign == Literal.FALSE ? plus : minus, rounds), w - 1);
            return FloatRound.build(net, magnitude, sign, new LinearForm(), p, q);
        }
        int[] sum = WideSum.buildConstantInBlocks(net, plus, rounds), neg = WideSum.buildConstantInBlocks(net, minus, rounds);
        int negative = sum[w - 1];
        int[] magnitude = new int[w - 1];
        for (int j = 0; j < w - 1; j++) magnitude[j] = net.or(net.and(sum[j], Literal.not(negative)), net.and(neg[j], negative));
        return FloatRound.build(net, magnitude, negative, new LinearForm(), p, q);
    }

    /**
     * The sum of bits, each 1.0 or 0 (a degree, {@code sum(A, axis: 1)} on adjacency bits), rounded once: the count
     * as a binary word ({@link WeightedSum#countBits}, depth 2) rounded by {@link FloatRound}: 6 deep for every
     * count of 4 to 64 bits at every p the count fits (its guard and sticky bits fold; p = n always fits). As floats
     * through {@link #build} the alignment's ANDs fold by where 1.0's bits lie, and the depth followed the number of
     * bits (12 at n = 4, 13 at 8 in the float GCN).
     */
    public static FloatWord ofBits(Net net, int[] bits, int p, int q) {
        int[] count = WeightedSum.countBits(net, bits, 64 - Long.numberOfLeadingZeros(bits.length));
        return FloatRound.build(net, count, Literal.FALSE, new LinearForm().addConstant(1L << (q - 1)), p, q);
    }

    /**
     * The terms' sign where every one is the same constant ({@code relu}'s outputs, a bit times them, the bits of a
     * degree), else -1. Then S's sign is known: choosing |S| by it would fold or not by where S's top block falls
     * (a sum of 8 such terms at p = 8 was 22 deep, 24 at every other p and count), so it is not made.
     */
    private static int commonConstantSign(FloatWord[] xs) {
        int s = xs[0].sign();
        if (!Literal.isConstant(s)) return -1;
        for (FloatWord x : xs) if (x.sign() != s) return -1;
        return s;
    }
}
