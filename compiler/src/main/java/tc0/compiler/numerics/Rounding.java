package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one rounding rule of tc0: to the nearest integer, ties up ({@code floor(x + 1/2)}), for positive and
 * negative values alike (so -2.5 rounds to -2 and 2.5 to 3). A circuit computes it by adding half a unit
 * and dropping bits, which is why ties go up rather than to even.
 */
public final class Rounding {
    private Rounding() {}

    /** {@code floor(v / 2^shift + 1/2)} for {@code shift > 0}; {@code v * 2^-shift} (exact) otherwise. */
    public static long shiftRound(long v, int shift) {
        if (shift <= 0) {
            if (shift < -62) throw new ArithmeticException("shift " + shift);
            long r = v << -shift;
            if (r >> -shift != v) throw new ArithmeticException("overflow scaling " + v + " by 2^" + -shift);
            return r;
        }
        if (shift >= 62) return shiftRound(BigInteger.valueOf(v), shift).longValueExact();
        return Math.floorDiv(v, 1L << shift) + ((v & (1L << (shift - 1))) != 0 ? 1 : 0);
    }

    /** {@code floor(v / 2^shift + 1/2)} for {@code shift > 0}; {@code v * 2^-shift} otherwise. */
    public static BigInteger shiftRound(BigInteger v, int shift) {
        if (shift <= 0) return v.shiftLeft(-shift);
        return v.add(BigInteger.ONE.shiftLeft(shift - 1)).shiftRight(shift); // shiftRight floors
    }

    /** {@code floor(num / den + 1/2)}; {@code den != 0}. */
    public static BigInteger divRound(BigInteger num, BigInteger den) {
        if (den.signum() == 0) throw new ArithmeticException("division by zero");
        if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
        BigInteger twoDen = den.shiftLeft(1);
        BigInteger[] qr = num.shiftLeft(1).add(den).divideAndRemainder(twoDen);
        BigInteger q = qr[0];
        if (qr[1].signum() < 0) q = q.subtract(BigInteger.ONE); // floor, not truncation
        return q;
    }

    /** {@code floor(x + 1/2)} of an exact decimal. */
    public static BigInteger roundHalfUp(BigDecimal x) {
        return x.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    /**
     * The code in {@code out} of the exact value {@code v / 2^frac}: rounded once (nearest, ties up) to
     * {@code out.fracBits()} fraction bits, then saturated.
     */
    public static long toFormat(BigInteger v, int frac, FixedFormat out) {
        return out.saturate(shiftRound(v, frac - out.fracBits()));
    }

    /** {@link #toFormat(BigInteger, int, FixedFormat)} for a long. */
    public static long toFormat(long v, int frac, FixedFormat out) {
        return toFormat(BigInteger.valueOf(v), frac, out);
    }
}
