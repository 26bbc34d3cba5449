package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The float exp as the construction defines it (Reif and Tate 1992's range reduction and truncated series, the
 * form {@code tc0.compiler.gadgets.FloatExp} builds), exact on BigInteger: the reference the gadget and the float
 * interpreter are held to. Its constants are derived here from their definitions (ln 2 by its atanh series in
 * BigDecimal, {@code 1 / i!} by integer division), not read from the gadget. With {@code B = bits(p + bias + 2)},
 * {@code G = p + GUARD + 4}, {@code T = B + 8}, {@code W = G + B + 4}:
 * <ol>
 *   <li>a nonzero x of biased exponent at least {@code B - p + 1 + bias} has {@code |x| >= 2^B}, past the range:
 *       the largest float for x > 0, zero for x < 0;</li>
 *   <li>{@code X = ±floor(|x| 2^G)}, {@code k = floor((X c + 2^(G+T-1)) / 2^(G+T))} with {@code c = round(2^T / ln 2)}
 *       (k = x / ln 2 to nearest), {@code r = X 2^(W-G) - k L} with {@code L = round(2^W ln 2)};</li>
 *   <li>{@code S = sum_(i <= N) C_i r^i 2^(W(N-i))}, {@code C_i = round(2^F / i!)}, N the least with
 *       {@code 0.36^(N+1) / (N+1)! < 2^-(p + GUARD + 3)}, {@code F = p + GUARD + 3 + bits(N + 1)};</li>
 *   <li>{@code floor(S / 2^(W N + F - p - GUARD)) 2^(k - p - GUARD)} rounded once ({@link ChiangFloat.Format#round}).</li>
 * </ol>
 * Its relative error is below {@code 2^-p (1 + 2^-3)} (FloatExpReferenceTest measures it against BigDecimal).
 */
public final class FloatExpReference {
    private FloatExpReference() {}

    /** Bits kept beyond p before the one rounding. */
    public static final int GUARD = 6;

    public static ChiangFloat exp(ChiangFloat x) {
        ChiangFloat.Format f = x.format();
        Constants c = Constants.of(f);
        if (!x.isZero() && x.biasedExponent() >= c.firstBig) return x.negative() ? f.zero() : f.largest(false);
        int shift = x.exponent() + c.g;
        BigInteger big = x.isZero() ? BigInteger.ZERO : shift >= 0 ? x.significand().shiftLeft(shift) : x.significand().shiftRight(-shift);
        if (x.negative()) big = big.negate();
        BigInteger k = big.multiply(c.invLn2).add(BigInteger.ONE.shiftLeft(c.g + c.t - 1)).shiftRight(c.g + c.t);
        BigInteger r = big.shiftLeft(c.w - c.g).subtract(k.multiply(c.ln2));
        BigInteger sum = BigInteger.ZERO, power = BigInteger.ONE;
        for (int i = 0; i <= c.n; i++) {
            sum = sum.add(c.coeff[i].multiply(power).shiftLeft(c.w * (c.n - i)));
            power = power.multiply(r);
        }
        return f.round(false, sum.shiftRight(c.w * c.n + c.f - f.p() - GUARD), k.intValueExact() - f.p() - GUARD);
    }

    /**
     * N, the least with {@code 0.36^N / N! < 2^-(p + GUARD + 3)}: {@code 9^N 2^(p + GUARD + 3) < 25^N N!} in integers
     * (in doubles the limit underflows from p of about 1065).
     */
    public static int seriesLength(int p) {
        BigInteger lhs = BigInteger.valueOf(9).shiftLeft(p + GUARD + 3), rhs = BigInteger.valueOf(25);
        int n = 1;
        for (; lhs.compareTo(rhs) >= 0; n++) {
            lhs = lhs.multiply(BigInteger.valueOf(9));
            rhs = rhs.multiply(BigInteger.valueOf(25L * (n + 1)));
        }
        return n;
    }

    /** The widths and constants of one format. */
    private record Constants(int g, int t, int w, int n, int f, int firstBig, BigInteger invLn2, BigInteger ln2, BigInteger[] coeff) {
        private static final java.util.Map<ChiangFloat.Format, Constants> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

        static Constants of(ChiangFloat.Format fm) {
            return MEMO.computeIfAbsent(fm, Constants::derive);
        }

        private static Constants derive(ChiangFloat.Format fm) {
            int p = fm.p(), bias = fm.bias();
            if (fm.q() < 2) throw new IllegalArgumentException("exp needs at least 2 exponent bits, not " + fm.q());
            int b = bits(p + bias + 2), g = p + GUARD + 4, t = b + 8, w = g + b + 4;
            int n = seriesLength(p);
            int f = p + GUARD + 3 + bits(n + 1);
            BigDecimal ln2 = FloatExpReference.ln2(w + t + 64);
            BigInteger invLn2 = nearest(new BigDecimal(BigInteger.ONE.shiftLeft(t)).divide(ln2, new MathContext((t + 64) / 3 + 10)));
            BigInteger[] coeff = new BigInteger[n + 1];
            BigInteger fact = BigInteger.ONE;
            for (int i = 0; i <= n; i++) {
                if (i > 0) fact = fact.multiply(BigInteger.valueOf(i));
                coeff[i] = halfUp(BigInteger.ONE.shiftLeft(f), fact);
            }
            return new Constants(g, t, w, n, f, b - p + 1 + bias, invLn2, nearest(ln2.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(w)))), coeff);
        }
    }

    /** The bits of a positive int. */
    static int bits(int v) {
        return 32 - Integer.numberOfLeadingZeros(v);
    }

    /** {@code round(a / b)}, a half rounded up. */
    static BigInteger halfUp(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].shiftLeft(1).compareTo(b) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    static BigInteger nearest(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    /** ln 2 to about {@code bits} bits: 2 atanh(1/3) = sum_j 2 / ((2j + 1) 9^j 3). */
    static BigDecimal ln2(int bits) {
        MathContext mc = new MathContext(bits / 3 + 20, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ZERO, third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc), power = third;
        BigDecimal ninth = third.multiply(third, mc), eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 3);
        for (int j = 0; power.compareTo(eps) > 0; j++) {
            sum = sum.add(power.multiply(BigDecimal.TWO).divide(BigDecimal.valueOf(2L * j + 1), mc), mc);
            power = power.multiply(ninth, mc);
        }
        return sum;
    }
}
