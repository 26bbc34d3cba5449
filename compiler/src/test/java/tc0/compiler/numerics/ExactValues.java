package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Floats' exact values in BigDecimal, elementary functions of them ({@link BigMath}), and the nearest float. */
public final class ExactValues {
    private ExactValues() {}

    /** The exact value of x. */
    public static BigDecimal value(ChiangFloat x) {
        BigDecimal m = new BigDecimal(x.significand());
        int e = x.exponent();
        BigDecimal v = e >= 0 ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e))) : m.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        return x.negative() ? v.negate() : v;
    }

    /** {@code e^x} to {@code digits} significant digits. */
    public static BigDecimal exp(BigDecimal x, int digits) { return BigMath.exp(x, digits); }

    /** {@code ln x} for {@code x > 0}: {@code j ln 2 - ln(1/t)}, {@code x = t 2^j}, {@code t = m / 2^p}. */
    public static BigDecimal log(ChiangFloat x, int digits) {
        int p = x.format().p(), j = x.exponent() + p;
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal t = new BigDecimal(x.significand()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(p)));
        BigDecimal lnInvT = BigMath.log1p(BigDecimal.ONE.divide(t, mc).subtract(BigDecimal.ONE), digits + 10);
        return BigMath.log1p(BigDecimal.ONE, digits + 10).multiply(BigDecimal.valueOf(j)).subtract(lnInvT).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /** {@code |a - b| / |b|}. */
    public static BigDecimal relativeError(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().divide(b.abs(), new MathContext(30, RoundingMode.HALF_EVEN));
    }
}
