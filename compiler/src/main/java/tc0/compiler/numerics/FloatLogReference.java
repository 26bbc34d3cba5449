package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The float natural logarithm as the construction defines it ({@code tc0.compiler.gadgets.FloatLog}), exact on
 * BigInteger, its constants derived here: with {@code t = m / 2^p} in {@code [1/2, 1)}, {@code j = e + p} and
 * {@code h = [m = 2^(p-1)]}, {@code log x = (j - h) ln 2 - S}, where {@code S = sum_(i=1..N) z^i / i},
 * {@code z = w / 2^p}, {@code w = 2^p - m} (0 when h): S's integer polynomial {@code sum_i C_i w^i 2^(p(N-i))},
 * {@code C_i = round(2^F' / i)}, truncated to {@code F = 3p + jBits + 3} fraction bits ({@code jBits} those of {@code 2^(q-1) + p + 1}), L = {@code (j - h) round(2^F ln 2)}
 * minus it, and {@code L 2^-F} rounded once. N is the least with {@code 2^-N / (N+1) < 2^-(F+1)},
 * {@code F' = F + bits(N) + 1}. {@code log x} for {@code x <= 0} is the largest negative float.
 */
public final class FloatLogReference {
    private FloatLogReference() {}

    public static ChiangFloat log(ChiangFloat x) {
        ChiangFloat.Format fm = x.format();
        if (x.isZero() || x.negative()) return fm.largest(true);
        int p = fm.p(), jBits = FloatExpReference.bits((1 << (fm.q() - 1)) + p + 1), f = 3 * p + jBits + 3, n = 1;
        while (n <= f + 1 && (f + 1 - n >= 62 || (1L << (f + 1 - n)) >= n + 1)) n++; // 2^-n/(n+1) >= 2^-(f+1), in integers (no underflow past f = 1074)
        int fc = f + FloatExpReference.bits(n) + 1;
        BigInteger ln2 = FloatExpReference.nearest(FloatExpReference.ln2(f + 64).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f))));
        int h = x.significand().equals(BigInteger.ONE.shiftLeft(p - 1)) ? 1 : 0;
        BigInteger w = h == 1 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(p).subtract(x.significand());
        BigInteger s = BigInteger.ZERO;
        for (int i = 1; i <= n; i++) {
            BigInteger c = FloatExpReference.halfUp(BigInteger.ONE.shiftLeft(fc), BigInteger.valueOf(i));
            s = s.add(c.multiply(w.pow(i)).shiftLeft(p * (n - i)));
        }
        BigInteger l = ln2.multiply(BigInteger.valueOf(x.exponent() + p - h)).subtract(s.shiftRight(p * n + fc - f));
        return fm.round(l.signum() < 0, l.abs(), -f);
    }
}
