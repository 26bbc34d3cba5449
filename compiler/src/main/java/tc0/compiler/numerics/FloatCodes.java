package tc0.compiler.numerics;

import java.math.BigInteger;

/**
 * Conversions of {@link ChiangFloat}s: from a double (rounded once to p bits, as weights and constants of a
 * float model are), back to a double where exact, and to and from a packed code (significand, then the biased
 * exponent, then the sign, least significant first: the layout of {@code tc0.compiler.gadgets.FloatWord}), which
 * holds a float of {@code p + q + 1 <= 63} bits in a long.
 */
public final class FloatCodes {
    /** The widest float a long code holds: 63 bits, so every code is a nonnegative long. */
    public static final int MAX_CODE_BITS = 63;

    private FloatCodes() {}

    /** {@code d} rounded to the nearest float of {@code f} (ties to even), saturated or flushed at the exponent's ends. */
    public static ChiangFloat round(ChiangFloat.Format f, double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("not a finite value: " + d);
        if (d == 0) return f.zero();
        long bits = Double.doubleToRawLongBits(d);
        long frac = bits & ((1L << 52) - 1);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long m = biased == 0 ? frac : frac | 1L << 52;
        int k = biased == 0 ? -1074 : biased - 1075;
        return f.round(d < 0, BigInteger.valueOf(m), k);
    }

    /** The float's value as a double; refused where the double is not exactly that value. */
    public static double toDouble(ChiangFloat x) {
        if (x.isZero()) return 0;
        BigInteger m = x.significand();
        int zeros = m.getLowestSetBit(), e = x.exponent() + zeros;
        m = m.shiftRight(zeros);
        double v = m.bitLength() <= 53 ? Math.scalb(m.doubleValue(), e) : Double.NaN;
        v = x.negative() ? -v : v;
        if (!Double.isFinite(v) || v == 0 || !round(x.format(), v).equals(x)) {
            throw new IllegalArgumentException("the float " + x + " is not a double");
        }
        return v;
    }

    /** Whether a float of {@code f} fits a long code. */
    public static boolean fitsCode(ChiangFloat.Format f) {
        return f.p() + f.q() + 1 <= MAX_CODE_BITS;
    }

    /** The packed code of {@code x} (its canonical form: zero is code 0). */
    public static long code(ChiangFloat x) {
        ChiangFloat.Format f = x.format();
        requireCode(f);
        ChiangFloat c = x.canonical();
        return c.significand().longValueExact() | (long) c.biasedExponent() << f.p() | (c.negative() ? 1L << (f.p() + f.q()) : 0);
    }

    /** The float of a packed code; refused where the code is not a float of {@code f}. */
    public static ChiangFloat of(ChiangFloat.Format f, long code) {
        requireCode(f);
        if (code < 0 || code >>> (f.p() + f.q() + 1) != 0) throw new IllegalArgumentException("code " + code + " is wider than " + f);
        long m = code & ((1L << f.p()) - 1);
        int e = (int) ((code >>> f.p()) & ((1L << f.q()) - 1));
        boolean negative = (code >>> (f.p() + f.q())) != 0;
        if (m != 0 && m >>> (f.p() - 1) == 0) {
            throw new IllegalArgumentException("code " + code + " has the significand " + m + ", not 0 or in [2^" + (f.p() - 1) + ", 2^" + f.p() + ")");
        }
        if (m == 0 && code != 0) throw new IllegalArgumentException("code " + code + " is a zero with exponent or sign bits set; zero is code 0");
        return f.of(negative, m, e);
    }

    private static void requireCode(ChiangFloat.Format f) {
        if (!fitsCode(f)) {
            throw new IllegalArgumentException("a float of p = " + f.p() + ", e = " + f.q() + " has " + (f.p() + f.q() + 1)
                    + " bits; codes hold at most " + MAX_CODE_BITS);
        }
    }
}
