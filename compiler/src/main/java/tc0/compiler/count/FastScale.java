package tc0.compiler.count;

import java.math.BigInteger;
import tc0.compiler.numerics.Fixed;
import tc0.compiler.numerics.FixedFormat;

/**
 * {@link Fixed#layerNormScale} for one row format, with its integer steps done in longs:
 * {@code num = q 2^Fe + eps m^2 2^(2F)}, {@code X = floor(2^P / num)} (a double's guess moved to the exact
 * quotient by 128-bit products), {@code k = floor((isqrt(X) + 1) / 2)} saturated at {@code fr.maxCode()}.
 * Answers -1 where a quantity would not fit (then the caller evaluates the definition): layer norm's scale
 * table has up to about 10^6 steps at the widths counting meets, each once a BigInteger division and square
 * root. Pinned against the definition in tests.
 */
final class FastScale {
    private final int fe, p;
    private final long e;      // eps m^2 2^(2F), or -1 if it does not fit
    private final long maxCode;

    FastScale(int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        int f = fx.fracBits();
        fe = feps.fracBits();
        p = 2 * Fixed.layerNormScaleFracBits(m, fr) + 2 * f + fe + 2;
        BigInteger mm = BigInteger.valueOf(m);
        BigInteger big = BigInteger.valueOf(eps).multiply(mm).multiply(mm).shiftLeft(2 * f);
        e = eps < 0 || big.bitLength() > 61 ? -1 : big.longValueExact();
        maxCode = fr.maxCode();
    }

    /** The scale's code at {@code q >= 0}, or -1 where longs do not hold the steps. */
    long scale(long q) {
        if (e < 0 || q < 0 || fe > 61 || q > (Long.MAX_VALUE >>> 2) >>> fe || p >= 126) return -1;
        long num = (q << fe) + e;
        if (num == 0) return maxCode;
        long x;
        if (p <= 62) {
            x = (1L << p) / num;
        } else {
            double guess = Math.scalb(1.0, p) / num;
            if (!(guess < 0x1p52)) return -1;
            x = (long) guess;
            while (x > 0 && productAbove(x, num)) x--;
            while (!productAbove(x + 1, num)) x++;
        }
        long s = (long) Math.sqrt((double) x);
        while (s * s > x) s--;
        while ((s + 1) * (s + 1) <= x) s++;
        long k = (s + 1) >>> 1;
        return Math.min(k, maxCode);
    }

    /** Whether {@code a * b > 2^p} (a, b >= 0, p in 63 .. 125), in 128 bits. */
    private boolean productAbove(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        long phi = 1L << (p - 64 >= 0 ? p - 64 : 0);
        if (p < 64) return hi > 0 || Long.compareUnsigned(lo, 1L << p) > 0; // p == 63: 2^63 unsigned
        return hi > phi || (hi == phi && lo != 0);
    }
}
