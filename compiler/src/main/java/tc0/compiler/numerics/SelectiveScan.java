package tc0.compiler.numerics;

import java.math.BigInteger;

/**
 * The selective scan of Mamba on log-decays ({@code scanexp(Z, B)}), exactly: for a line
 * {@code z_0..z_(n-1)}, {@code b_0..b_(n-1)},
 * <pre>
 *   S_(j,t) = sum_(i=j+1..t) z_i            exact (S_(t,t) = 0)
 *   E_(j,t) = EXP(S_(j,t))                   correctly rounded into fe, saturated (as the EXP table)
 *   h_t     = sum_(j<=t) E_(j,t) b_j         exact, rounded once into out, saturated
 * </pre>
 * In exact arithmetic this is the recurrence {@code h_t = exp(z_t) h_(t-1) + b_t}. Why log-decays: the scan
 * on decays {@code a_i} needs the exact product of up to n numbers, which has no practical constant-depth
 * threshold circuit; a sum of the {@code z_i} is one threshold gate per comparison, and exp of it is a
 * monotone step function (see docs/NUMERICS.md).
 */
public final class SelectiveScan {
    private SelectiveScan() {}

    /** Largest |S| accepted: the code must convert exactly to double. */
    public static final long MAX_SUM = (1L << 53) - 1;

    /**
     * {@code exp(s / 2^frac)} correctly rounded into {@code fe} and saturated: the EXP table's entry for the
     * code {@code s} of any format with {@code frac} fraction bits (s need not fit the operands' format).
     */
    public static long exp(long s, int frac, FixedFormat fe) {
        if (Math.abs(s) > MAX_SUM) throw new IllegalArgumentException("exponent code " + s + " beyond 2^53");
        if (frac < 0 || frac > FixedFormat.MAX_WIDTH) throw new IllegalArgumentException("fraction bits " + frac);
        // e^x >= e^I > 2^(I-1) > every value of fe: saturated (spares the evaluation of a huge exp).
        if (s >> frac >= fe.intBits()) return fe.maxCode();
        FixedFormat in = frac >= 54 ? FixedFormat.of(0, frac) : FixedFormat.of(54 - frac, frac);
        return UnaryFunction.EXP.apply(s, in, fe);
    }

    /**
     * The scan of one line: codes {@code z} of {@code fz}, {@code b} of {@code fb}; the decays rounded into
     * {@code fe}, the outputs into {@code out}.
     */
    public static long[] line(long[] z, FixedFormat fz, long[] b, FixedFormat fb, FixedFormat fe, FixedFormat out) {
        int n = z.length;
        if (b.length != n) throw new IllegalArgumentException("lines of " + n + " and " + b.length);
        for (int i = 0; i < n; i++) { Fixed.check(z[i], fz); Fixed.check(b[i], fb); }
        long e0 = exp(0, fz.fracBits(), fe);
        long[] h = new long[n];
        for (int t = 0; t < n; t++) {
            BigInteger acc = BigInteger.valueOf(e0).multiply(BigInteger.valueOf(b[t]));
            long s = 0;
            for (int j = t - 1; j >= 0; j--) {
                s += z[j + 1];
                acc = acc.add(BigInteger.valueOf(exp(s, fz.fracBits(), fe)).multiply(BigInteger.valueOf(b[j])));
            }
            h[t] = Rounding.toFormat(acc, fe.fracBits() + fb.fracBits(), out);
        }
        return h;
    }
}
