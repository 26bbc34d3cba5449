package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.circuits.Literal;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link DivideByConstant}'s SPLIT route over words whose form passes a long: the weights {@code coeffs_t 2^k},
 * the constant and the divisor exact integers, SPLIT's own numbers (quotients, remainders, carry thresholds)
 * in longs. Resampling at n = 2^20 divides a 76-bit row pass by 2^68; the lowering and the count take this
 * route there and only there ({@link #fitsLong}).
 */
public final class DivideWords {
    private DivideWords() {}

    /**
     * Whether the form {@code sum coeffs_t x_t} over two's complement words of these widths, divided by {@code d},
     * fits the long routes ({@link DivideByConstant#build}): {@code d} and the sum of the weights' magnitudes below 2^62. Past
     * that (resampling at n = 2^20: a 76-bit numerator by 2^68) only {@link #buildWords} builds it.
     */
    public static boolean fitsLong(int[] widths, long[] coeffs, BigInteger d) {
        if (d.bitLength() > 62) return false;
        // In longs where every term is below 2^62 (what the callers ask: a stencil's few words); else exactly.
        long sum = 0;
        boolean small = true;
        for (int t = 0; t < widths.length && small; t++) {
            long c = Math.abs(coeffs[t]);
            small = c >= 0 && widths[t] >= 0 && 64 - Long.numberOfLeadingZeros(c) + widths[t] <= 62;
            if (small) sum += c << widths[t]; // at most 2^62 - 1 each: the sum passes 2^62 before it could wrap
            small &= sum >= 0 && sum < 1L << 62;
        }
        if (small) return true;
        BigInteger total = BigInteger.ZERO;
        for (int t = 0; t < widths.length; t++) total = total.add(BigInteger.valueOf(coeffs[t]).abs().shiftLeft(widths[t]));
        return total.bitLength() <= 62;
    }

    /**
     * {@code y} of {@code V = sum coeffs_t x_t} (two's complement words; constant bits fold into the constant, as
     * {@link LinearForm#addWord} folds them) by {@link DivideByConstant.Route#SPLIT}, the form's weights, constant and the divisor
     * exact integers: for divisions past {@link #fitsLong}. SPLIT's own numbers (the quotients, about the output's
     * size; the remainders, below {@code 2q}, {@code q} the divisor with the powers of two it shares with {@code 2^a}
     * cancelled; the carry thresholds, below {@code n 2q}) must fit a long, else {@link IllegalArgumentException}. Where the form fits a long it builds what
     * {@code DivideByConstant.build(..., SPLIT)} builds.
     */
    public static int[] buildWords(Net net, int[][] words, long[] coeffs, int a, BigInteger d, FixedFormat out, int rounds) {
        WordForm f = WordForm.of(words, coeffs);
        DivideByConstant.Split sp = DivideByConstant.Split.of(f.weights, f.constant, new DivideByConstant.Quotient(a, d, out));
        if (sp == null) throw new IllegalArgumentException("the split route needs more than 62 bits here");
        return sp.build(net, f.lits, out, rounds);
    }

    /** The exact cost of {@link #buildWords} over distinct fresh literals (words of these widths); null where SPLIT's numbers pass a long. */
    public static Cost wordsCost(int[] widths, long[] coeffs, int a, BigInteger d, FixedFormat out, int rounds) {
        WordForm f = WordForm.fresh(widths, coeffs);
        DivideByConstant.Split sp = DivideByConstant.Split.of(f.weights, f.constant, new DivideByConstant.Quotient(a, d, out));
        return sp == null ? null : sp.cost(new int[f.lits.length], f.lits.length, out, rounds, new Cost(0, 0, 0));
    }

    /** Whether {@link #buildWords} builds this division (SPLIT's numbers fit a long): {@link #wordsCost} non-null, without the sum's cost. */
    public static boolean splits(int[] widths, long[] coeffs, int a, BigInteger d, FixedFormat out) {
        WordForm f = WordForm.fresh(widths, coeffs);
        return DivideByConstant.Split.of(f.weights, f.constant, new DivideByConstant.Quotient(a, d, out)) != null;
    }

    /** A form over words with exact weights, in {@link LinearForm#addWord}'s order: zero weights and FALSE bits dropped, TRUE bits folded. */
    private record WordForm(int[] lits, BigInteger[] weights, BigInteger constant) {
        /** The form over distinct fresh literals, words of these widths. */
        static WordForm fresh(int[] widths, long[] coeffs) {
            int[][] fresh = new int[widths.length][];
            int next = 1;
            for (int t = 0; t < widths.length; t++) {
                fresh[t] = new int[widths[t]];
                for (int k = 0; k < widths[t]; k++) fresh[t][k] = Literal.of(next++, false);
            }
            return of(fresh, coeffs);
        }

        static WordForm of(int[][] words, long[] coeffs) {
            int n = 0;
            for (int[] w : words) n += w.length;
            int[] lits = new int[n];
            BigInteger[] weights = new BigInteger[n];
            BigInteger constant = BigInteger.ZERO;
            int size = 0;
            for (int t = 0; t < words.length; t++) {
                int[] word = words[t];
                BigInteger c = BigInteger.valueOf(coeffs[t]);
                for (int k = 0; k < word.length; k++) {
                    BigInteger wt = k == word.length - 1 ? c.shiftLeft(k).negate() : c.shiftLeft(k);
                    if (wt.signum() == 0 || word[k] == Literal.FALSE) continue;
                    if (word[k] == Literal.TRUE) { constant = constant.add(wt); continue; }
                    lits[size] = word[k];
                    weights[size++] = wt;
                }
            }
            return new WordForm(java.util.Arrays.copyOf(lits, size), java.util.Arrays.copyOf(weights, size), constant);
        }
    }

    /**
     * SPLIT's numbers: {@code y = saturate(base + sum quot_i x_i + T)}, {@code T = sum_t [sum rem_i x_i >= thresholds_t]}
     * (a single literal with a remainder folded into its quotient), as {@link DivideByConstant.Route#SPLIT} and
     * {@link #buildWords} build them for the form {@code constant + sum weights_i x_i} divided by {@code d} into
     * {@code out} ({@code a} = out's fraction bits); null where they pass a long. For counting in closed form.
     */
    public record SplitNumbers(long[] quot, long[] rem, long base, long[] thresholds) {}

    /** {@link SplitNumbers} of a form with exact weights; null where SPLIT's numbers pass a long. */
    public static SplitNumbers split(BigInteger[] weights, BigInteger constant, int a, BigInteger d, FixedFormat out) {
        DivideByConstant.Split sp = DivideByConstant.Split.of(weights, constant, new DivideByConstant.Quotient(a, d, out));
        return sp == null ? null : new SplitNumbers(sp.quot(), sp.rem(), sp.base(), sp.thresholds());
    }
}
