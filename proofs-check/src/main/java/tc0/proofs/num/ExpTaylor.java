package tc0.proofs.num;

/**
 * The polynomial method's exp: the Taylor polynomial T_g(x) = sum_(j <= g) x^j / j!, and the least degree g whose
 * relative error is at most eps on [-R, R]. Lagrange's remainder gives |e^x - T_g(x)| <= R^(g+1) / (g+1)! e^R there,
 * and e^x >= e^-R, so R^(g+1) / (g+1)! e^(2R) <= eps suffices. That bound is what this degree meets: it is a sufficient
 * degree, not the least one the papers' Chebyshev-type bounds reach (they need fewer terms by a constant factor).
 */
public final class ExpTaylor {
    private ExpTaylor() {}

    /** ln of the remainder bound R^(g+1) / (g+1)! e^(2R) (for R = 0: the error is 0 for every g, -infinity). */
    static double lnErrorBound(double r, long g) {
        if (r == 0) return Double.NEGATIVE_INFINITY;
        return (g + 1) * Math.log(r) - LnFactorial.of(g + 1) + 2 * r;
    }

    /**
     * The least g with relative error bound at most e^-lnInvEps on [-r, r]. The bound rises while g + 1 < r and falls
     * after, so past g = 0 the least g lies on the falling side: a galloping then binary search there.
     */
    public static long degree(double r, double lnInvEps) {
        if (!(r >= 0) || !(lnInvEps > 0)) throw new IllegalArgumentException("R = " + r + ", ln(1/eps) = " + lnInvEps);
        double target = -lnInvEps;
        if (lnErrorBound(r, 0) <= target) return 0;
        long lo = Math.max(1, (long) Math.floor(r)), step = 1, hi = lo;
        while (lnErrorBound(r, hi) > target) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (lnErrorBound(r, mid) > target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** T_g(x) by Horner's rule. */
    public static double value(double x, int g) {
        double s = 1;
        for (int j = g; j >= 1; j--) s = 1 + s * x / j;
        return s;
    }
}
