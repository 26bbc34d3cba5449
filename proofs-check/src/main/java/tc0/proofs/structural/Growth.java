package tc0.proofs.structural;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/**
 * How a figure grows with n over a sweep: the exponent k of the best fit value ~ c * n^k (least squares
 * on log value against log n, over the larger half of the points, where the leading term dominates), the
 * exponents between neighbouring points, and whether the figure is the same at every n.
 *
 * <p>What it shows and what it does not: a fitted degree is evidence about the instances swept, not a
 * proof for all n; the symbolic bound (Z3 over the cost formulas) is the proof.
 *
 * @param degree      fitted exponent k over the larger half of the points
 * @param localDegree exponent between each pair of neighbouring points (one fewer than the points)
 * @param constant    true if the figure has the same value at every point
 */
public record Growth(double degree, List<Double> localDegree, boolean constant) {

    public Growth {
        localDegree = List.copyOf(localDegree);
    }

    /**
     * The growth of one figure of the points (a long or a {@link BigInteger}, e.g. {@code SweepPoint::depth},
     * {@code SweepPoint::gates}), which must have distinct n in increasing order. Constancy is decided on the
     * exact values, the fit on their logarithms.
     */
    public static Growth of(List<SweepPoint> points, Function<SweepPoint, ? extends Number> figure) {
        return of(points.stream().map(SweepPoint::n).toList(), points.stream().map(figure).toList());
    }

    /** The growth of values measured at the given n (distinct, increasing), one value per n. */
    public static Growth of(List<Long> ns, List<? extends Number> values) {
        if (ns.size() != values.size()) throw new IllegalArgumentException(ns.size() + " n for " + values.size() + " values");
        if (ns.size() < 2) throw new IllegalArgumentException("a growth needs at least two points");
        int m = ns.size();
        double[] x = new double[m];
        double[] y = new double[m];
        boolean constant = true;
        BigInteger first = exact(values.getFirst());
        for (int i = 0; i < m; i++) {
            long n = ns.get(i);
            if (i > 0 && n <= ns.get(i - 1)) throw new IllegalArgumentException("n must increase: " + n);
            BigInteger v = exact(values.get(i));
            constant &= v.equals(first);
            x[i] = Math.log(n);
            y[i] = log(v);
        }
        Double[] local = new Double[m - 1];
        for (int i = 1; i < m; i++) local[i - 1] = (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
        return new Growth(slope(x, y, Math.min(m / 2, m - 2)), List.of(local), constant);
    }

    /**
     * The first index from which the figure has one value to the last point (0: constant; the last index:
     * it changed at the last step). A figure that differs only at small n, then stays, settles; one that
     * grows does not.
     */
    public static int settledFrom(List<SweepPoint> points, Function<SweepPoint, ? extends Number> figure) {
        BigInteger last = exact(figure.apply(points.getLast()));
        int i = points.size() - 1;
        while (i > 0 && exact(figure.apply(points.get(i - 1))).equals(last)) i--;
        return i;
    }

    /**
     * The least-squares slope of the figure against log2 n over the larger half of the points: how much it
     * grows per doubling of n (about 0 for a constant, c for a figure like c log2 n).
     */
    public static double perDoubling(List<SweepPoint> points, Function<SweepPoint, ? extends Number> figure) {
        int m = points.size();
        if (m < 2) throw new IllegalArgumentException("a growth needs at least two points");
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.log(points.get(i).n()) / Math.log(2);
            y[i] = exact(figure.apply(points.get(i))).doubleValue();
        }
        return slope(x, y, Math.min(m / 2, m - 2));
    }

    private static BigInteger exact(Number v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(v.longValue());
    }

    /** The natural logarithm of {@code max(1, v)}, accurate to a double's precision however large v is. */
    static double log(BigInteger v) {
        if (v.signum() <= 0) return 0;
        int shift = Math.max(0, v.bitLength() - 62);
        return Math.log(v.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    /** Least-squares slope of y against x over indices from..end. */
    private static double slope(double[] x, double[] y, int from) {
        int k = x.length - from;
        double mx = 0, my = 0;
        for (int i = from; i < x.length; i++) { mx += x[i]; my += y[i]; }
        mx /= k;
        my /= k;
        double sxy = 0, sxx = 0;
        for (int i = from; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
