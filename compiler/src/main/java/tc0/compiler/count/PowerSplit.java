package tc0.compiler.count;

import java.math.BigInteger;
import tc0.compiler.gadgets.DivideWords;
import tc0.compiler.numerics.FixedFormat;

/**
 * SPLIT's numbers ({@link DivideWords#split}) for a form over words, its weights {@code ±coeff 2^k}, when the
 * divisor is a power of two (every resampling to a power-of-two size): the quotients and remainders are shifts
 * and masks of the coefficient, so they come in longs, without the exact weight of every literal as a
 * {@code BigInteger} (about a fifth of flowar's count at n = 2^20, 1.4 M row passes of ~110 literals each).
 * Where a number does not fit the shifts here, {@link DivideWords#split} over exact weights decides, so the
 * answer is always SPLIT's own.
 */
final class PowerSplit {
    private PowerSplit() {}

    /**
     * SPLIT's numbers for {@code constant + sum_i sign_i coeff_i 2^{bit_i}} ({@code sign_i} -1 where {@code negated[i]},
     * each {@code coeff_i} non-zero) divided by {@code d} into {@code out}; null where they pass a long, as
     * {@link DivideWords#split}.
     */
    static DivideWords.SplitNumbers split(long[] coeff, int[] bit, boolean[] negated, int size, BigInteger constant, int a, BigInteger d,
            FixedFormat out) {
        DivideWords.SplitNumbers sp = d.bitCount() == 1 ? shifts(coeff, bit, negated, size, constant, a, d.getLowestSetBit()) : UNSURE;
        return sp != UNSURE ? sp : exact(coeff, bit, negated, size, constant, a, d, out);
    }

    /** {@link DivideWords#split} over the exact weights. */
    static DivideWords.SplitNumbers exact(long[] coeff, int[] bit, boolean[] negated, int size, BigInteger constant, int a, BigInteger d,
            FixedFormat out) {
        BigInteger[] w = new BigInteger[size];
        for (int i = 0; i < size; i++) {
            BigInteger x = BigInteger.valueOf(coeff[i]).shiftLeft(bit[i]);
            w[i] = negated[i] ? x.negate() : x;
        }
        return DivideWords.split(w, constant, a, d, out);
    }

    /** A sentinel: the shifts cannot say (a number past their longs); the exact route decides. */
    private static final DivideWords.SplitNumbers UNSURE = new DivideWords.SplitNumbers(new long[0], new long[0], 0, new long[0]);

    /**
     * As {@code DivideByConstant.Split.of} with {@code d = 2^m}: {@code p = 2^(a-z)}, {@code q = 2^(m-z)},
     * {@code z = min(a, m)}; each weight times {@code 2p = 2^e} split at {@code 2q = 2^s} into a floor quotient and a
     * remainder in [0, 2^s). Null where SPLIT's numbers pass a long; {@link #UNSURE} where the shifts do not fit.
     */
    private static DivideWords.SplitNumbers shifts(long[] coeff, int[] bit, boolean[] negated, int size, BigInteger constant, int a, int m) {
        int z = Math.min(a, m), e = a - z + 1, s = m - z + 1;
        if (s > 62) return UNSURE;
        long mask = (1L << s) - 1;
        // the constant's quotient and remainder: floor((2p c + q) / 2q), once
        BigInteger num = constant.shiftLeft(e).add(BigInteger.ONE.shiftLeft(s - 1));
        BigInteger baseB = num.shiftRight(s);
        long rc = num.and(BigInteger.valueOf(mask)).longValue();
        long[] quot = new long[size], rem = new long[size];
        long top = rc;
        boolean past = false; // the remainders' sum reached 2^62 (kept from wrapping; a single one folds below)
        int fanIn = 0, withRem = -1;
        for (int i = 0; i < size; i++) {
            long c = coeff[i];
            if (c == 0 || c == Long.MIN_VALUE) return UNSURE;
            long x = negated[i] ? -c : c;
            int sh = bit[i] + e; // the weight times 2p is x 2^sh
            if (sh >= s) { // a multiple of 2^s: no remainder
                int up = sh - s;
                if (up > 62 || Long.numberOfLeadingZeros(Math.abs(x)) - 1 < up) return UNSURE; // x 2^up past a long
                quot[i] = x << up;
            } else {
                int down = s - sh; // 1 .. 62 + e
                quot[i] = down >= 63 ? (x < 0 ? -1 : 0) : x >> down; // floor
                rem[i] = (x << sh) & mask; // the low s bits of x 2^sh (sh < s <= 62: the shift keeps them)
                if (rem[i] != 0) { fanIn++; withRem = i; }
                if (!past) { top += rem[i]; past = top >>> 62 != 0; } // each below 2^62: no wrap before the check
            }
        }
        if (fanIn == 1) { // a single literal with a remainder is its own carry
            if (rc + rem[withRem] > mask) {
                if (quot[withRem] == Long.MAX_VALUE) return UNSURE;
                quot[withRem]++;
            }
            rem[withRem] = 0;
            top = rc;
            past = false;
        }
        if (past || top >>> 62 != 0 || baseB.bitLength() > 62) return null;
        for (int i = 0; i < size; i++) if (bitLength(quot[i]) > 62) return null;
        int carries = Math.toIntExact(top >>> s); // at most fanIn: each remainder is below 2^s
        long[] ts = new long[carries];
        for (int t = 1; t <= carries; t++) ts[t - 1] = ((long) t << s) - rc;
        return new DivideWords.SplitNumbers(quot, rem, baseB.longValue(), ts);
    }

    /** {@link BigInteger#bitLength} of a long. */
    private static int bitLength(long x) {
        return 64 - Long.numberOfLeadingZeros(x < 0 ? ~x : x);
    }
}
