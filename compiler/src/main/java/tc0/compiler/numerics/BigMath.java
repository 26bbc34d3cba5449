package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions in {@link BigDecimal} to a requested number of significant digits, used to settle the
 * rare table entries where double precision cannot decide the rounding. Each result has a relative error
 * below {@code 10^-(digits - 2)} (every routine works with 20 guard digits and sums convergent series until
 * the terms fall below the working precision). Not fast; called a handful of times per table.
 */
final class BigMath {
    private BigMath() {}

    private static final int GUARD = 20;
    private static volatile BigDecimal pi = BigDecimal.ZERO;
    private static volatile int piDigits = 0;

    static MathContext mc(int digits) {
        return new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    /** e^x. */
    static BigDecimal exp(BigDecimal x, int digits) {
        if (x.signum() == 0) return BigDecimal.ONE;
        if (x.signum() < 0) return BigDecimal.ONE.divide(exp(x.negate(), digits + 2), mc(digits));
        // x > 0: e^x = (e^(x/2^k))^(2^k) with x/2^k < 1/2; squaring k times loses about k * log10(2) digits.
        int k = Math.max(0, x.toBigInteger().bitLength() + 1);
        int work = digits + GUARD + k;
        MathContext m = mc(work);
        BigDecimal y = x.divide(BigDecimal.valueOf(2).pow(k), m);
        BigDecimal sum = BigDecimal.ONE, term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(work);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(y, m).divide(BigDecimal.valueOf(n), m);
            sum = sum.add(term, m);
        }
        for (int i = 0; i < k; i++) sum = sum.multiply(sum, m);
        return sum.round(mc(digits));
    }

    /** ln(1 + u) for {@code 0 <= u <= 1}: 2 atanh(u / (2 + u)). */
    static BigDecimal log1p(BigDecimal u, int digits) {
        if (u.signum() == 0) return BigDecimal.ZERO;
        int work = digits + GUARD;
        MathContext m = mc(work);
        BigDecimal t = u.divide(u.add(BigDecimal.valueOf(2)), m);
        BigDecimal t2 = t.multiply(t, m);
        BigDecimal sum = BigDecimal.ZERO, power = t;
        BigDecimal eps = t.abs().movePointLeft(work);
        for (int n = 1; power.abs().compareTo(eps) > 0; n += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(n), m), m);
            power = power.multiply(t2, m);
        }
        return sum.multiply(BigDecimal.valueOf(2)).round(mc(digits));
    }

    /** atan(1/n) for an integer n > 1. */
    private static BigDecimal atanInv(int n, int digits) {
        MathContext m = mc(digits);
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), m);
        BigDecimal x2 = x.multiply(x, m);
        BigDecimal sum = BigDecimal.ZERO, power = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(digits);
        for (int k = 0; power.compareTo(eps) > 0; k++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), m);
            sum = (k % 2 == 0) ? sum.add(term, m) : sum.subtract(term, m);
            power = power.multiply(x2, m);
        }
        return sum;
    }

    /** pi by Machin's formula, cached at the largest precision asked for. */
    static BigDecimal pi(int digits) {
        if (piDigits < digits) {
            synchronized (BigMath.class) {
                if (piDigits < digits) {
                    int work = digits + GUARD;
                    BigDecimal p = atanInv(5, work).multiply(BigDecimal.valueOf(16))
                            .subtract(atanInv(239, work).multiply(BigDecimal.valueOf(4)));
                    pi = p.round(mc(work));
                    piDigits = digits;
                }
            }
        }
        return pi.round(mc(digits));
    }

    /** sin x (cos: {@code sin(x + pi/2)} is not used; see {@link #cos}). */
    static BigDecimal sin(BigDecimal x, int digits) {
        return sinCos(x, digits, true);
    }

    static BigDecimal cos(BigDecimal x, int digits) {
        return sinCos(x, digits, false);
    }

    private static BigDecimal sinCos(BigDecimal x, int digits, boolean sine) {
        int mag = Math.max(0, x.toBigInteger().abs().bitLength());
        int work = digits + GUARD + mag; // reduction by 2 pi costs about log10|x| digits; the bit count bounds it
        MathContext m = mc(work);
        BigDecimal twoPi = pi(work).multiply(BigDecimal.valueOf(2));
        BigDecimal q = x.divide(twoPi, m).setScale(0, RoundingMode.FLOOR);
        BigDecimal r = x.subtract(twoPi.multiply(q, m), m); // in [0, 2 pi)
        BigDecimal r2 = r.multiply(r, m);
        BigDecimal term = sine ? r : BigDecimal.ONE;
        BigDecimal sum = term;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(work);
        // sine: t_0 = r, t_j = -t_(j-1) r^2 / ((2j)(2j+1)); cosine: t_0 = 1, t_j = -t_(j-1) r^2 / ((2j-1)(2j))
        for (long j = 1; term.abs().compareTo(eps) > 0 || j < 3; j++) {
            long f = sine ? (2 * j) * (2 * j + 1) : (2 * j - 1) * (2 * j);
            term = term.multiply(r2, m).divide(BigDecimal.valueOf(f), m).negate();
            sum = sum.add(term, m);
        }
        return sum.round(mc(digits));
    }

    /** erf z by its Taylor series, with guard digits for the cancellation (about z^2 / ln 10 digits). */
    static BigDecimal erf(BigDecimal z, int digits) {
        if (z.signum() == 0) return BigDecimal.ZERO;
        double zd = z.abs().doubleValue();
        int work = digits + GUARD + (int) Math.ceil(zd * zd / Math.log(10));
        MathContext m = mc(work);
        BigDecimal z2 = z.multiply(z, m);
        BigDecimal power = z; // (-1)^n z^(2n+1) / n!
        BigDecimal sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(work);
        for (int n = 1; ; n++) {
            power = power.multiply(z2, m).divide(BigDecimal.valueOf(n), m).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), m);
            sum = sum.add(term, m);
            if (term.abs().compareTo(eps) < 0 && n > zd * zd) break;
        }
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(pi(work).sqrt(m), m);
        return sum.multiply(twoOverSqrtPi, m).round(mc(digits));
    }

    static BigDecimal sqrt(BigDecimal x, int digits) {
        return x.sqrt(mc(digits));
    }

    static BigInteger floor(BigDecimal x) {
        return x.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }
}
