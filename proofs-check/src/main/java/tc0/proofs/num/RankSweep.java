package tc0.proofs.num;

import java.util.ArrayList;
import java.util.List;

/**
 * The polynomial method's rank and time as formulas, at n = 2^k far past anything built: d = ceil(log2 N) columns,
 * eps = 1/N, g = {@link ExpTaylor#degree} for R = B^2, rank r = C(d + g, g). The factored attention costs N r d_v,
 * the direct one N^2 d; both are set as exponents of n (d's factors left out: they are n^o(1)).
 */
final class RankSweep {
    /**
     * One n = 2^k.
     *
     * @param k            log2 n
     * @param degree       the Taylor degree g
     * @param rankExponent ln r / ln N: the rank as a power of the token count
     * @param factored     ln(N r) / ln n: the factored attention's time as a power of n
     * @param direct       ln(N^2) / ln n
     */
    record Point(long k, long degree, double rankExponent, double factored, double direct) {}

    /** k = 8, 32, 128 .. (times 4) up to 2^29: n with up to 162 million digits. */
    static final List<Long> KS = List.of(8L, 32L, 128L, 512L, 2048L, 8192L, 32768L, 131072L, 524288L, 2097152L,
            8388608L, 33554432L, 134217728L, 536870912L);

    private RankSweep() {}

    static Point at(TokenLayout layout, EntryBound bound, long k) {
        double lnN = layout.lnTokens(k), log2N = lnN / Math.log(2);
        long d = (long) Math.ceil(log2N - 1e-9);
        double b = bound.at(log2N);
        long g = ExpTaylor.degree(b * b, lnN);
        double lnRank = LnFactorial.binomial(d + g, g), lnn = k * Math.log(2);
        return new Point(k, g, lnRank / lnN, (lnN + lnRank) / lnn, 2 * lnN / lnn);
    }

    static List<Point> of(TokenLayout layout, EntryBound bound) {
        List<Point> out = new ArrayList<>();
        for (long k : KS) out.add(at(layout, bound, k));
        return out;
    }

    /** Whether the rank exponent falls at every step of the sweep's second half. */
    static boolean fallingToTheEnd(List<Point> points) {
        for (int i = points.size() / 2; i < points.size(); i++) {
            if (points.get(i).rankExponent() >= points.get(i - 1).rankExponent()) return false;
        }
        return true;
    }

    /** Whether the last three rank exponents lie within {@code tolerance} of each other: it settles at a constant. */
    static boolean settled(List<Point> points, double tolerance) {
        int m = points.size();
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = m - 3; i < m; i++) {
            lo = Math.min(lo, points.get(i).rankExponent());
            hi = Math.max(hi, points.get(i).rankExponent());
        }
        return hi - lo <= tolerance;
    }

    /** The first point whose factored time lies below the direct one's, or null. */
    static Point firstFaster(List<Point> points) {
        for (Point p : points) if (p.factored() < p.direct()) return p;
        return null;
    }
}
