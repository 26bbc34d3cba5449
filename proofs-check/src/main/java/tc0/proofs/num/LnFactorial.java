package tc0.proofs.num;

/** ln(m!) and ln C(a, b) in doubles for m up to 2^62: the rank sweep's binomials have millions of digits. */
final class LnFactorial {
    private static final int TABLE = 256;
    private static final double[] SMALL = new double[TABLE];

    static {
        for (int m = 1; m < TABLE; m++) SMALL[m] = SMALL[m - 1] + Math.log(m);
    }

    private LnFactorial() {}

    /** ln(m!): a sum of logs below 256, Stirling's series with three correction terms above (error below 1e-15 relative). */
    static double of(long m) {
        if (m < 0) throw new IllegalArgumentException("factorial of " + m);
        if (m < TABLE) return SMALL[(int) m];
        double x = m, inv = 1 / x, inv2 = inv * inv;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    /** ln C(a, b) for 0 <= b <= a. */
    static double binomial(long a, long b) {
        if (b < 0 || b > a) throw new IllegalArgumentException("C(" + a + ", " + b + ")");
        return of(a) - of(b) - of(a - b);
    }
}
