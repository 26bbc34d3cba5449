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
 *   <li>the magnitude {@code |S|}, chosen by S's sign bit (2), rounded by {@link FloatRound} (9).</li>
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
        int[] sum = WideSum.buildConstantInBlocks(net, plus, rounds), neg = WideSum.buildConstantInBlocks(net, minus, rounds);
        int negative = sum[w - 1];
        int[] magnitude = new int[w - 1];
        for (int j = 0; j < w - 1; j++) magnitude[j] = net.or(net.and(sum[j], Literal.not(negative)), net.and(neg[j], negative));
        return FloatRound.build(net, magnitude, negative, new LinearForm(), p, q);
    }
}
