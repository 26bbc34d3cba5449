package tc0.compiler.numerics;

import java.util.ArrayList;
import java.util.List;

/**
 * The float row operations, each step its exact result rounded once, on {@link ChiangFloat}: the reference the
 * float interpreter states and the float gadgets ({@code FloatMax}, {@code FloatSoftmax}, {@code FloatLayerNorm},
 * the RoPE and scan lowering) are held to.
 */
public final class FloatRowOps {
    private FloatRowOps() {}

    /** The largest by value (exact, no rounding), zero canonical; the first of equals. */
    public static ChiangFloat max(List<ChiangFloat> xs) {
        ChiangFloat m = xs.getFirst();
        for (ChiangFloat x : xs) if (ChiangFloat.compare(x, m) > 0) m = x;
        return m.canonical();
    }

    /** The smallest by value (exact). */
    public static ChiangFloat min(List<ChiangFloat> xs) {
        ChiangFloat m = xs.getFirst();
        for (ChiangFloat x : xs) if (ChiangFloat.compare(x, m) < 0) m = x;
        return m.canonical();
    }

    /**
     * Softmax of the kept entries ({@code kept[i]}): {@code M} their max (exact), {@code d_i = x_i - M},
     * {@code e_i = exp(d_i)}, {@code S = sum e_i}, {@code y_i = e_i / S}, each rounded once (exp its approximation);
     * an entry not kept is 0, and so is every entry of a row with none kept.
     */
    public static ChiangFloat[] softmax(List<ChiangFloat> xs, boolean[] kept) {
        ChiangFloat.Format f = xs.getFirst().format();
        ChiangFloat[] y = new ChiangFloat[xs.size()];
        List<ChiangFloat> in = new ArrayList<>();
        for (int i = 0; i < y.length; i++) if (kept[i]) in.add(xs.get(i));
        java.util.Arrays.fill(y, f.zero());
        if (in.isEmpty()) return y;
        ChiangFloat m = max(in);
        ChiangFloat[] e = new ChiangFloat[y.length];
        List<ChiangFloat> es = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (!kept[i]) continue;
            e[i] = FloatExpReference.exp(ChiangFloat.add(xs.get(i), FloatFunctions.negate(m)));
            es.add(e[i]);
        }
        ChiangFloat s = ChiangFloat.sum(f, es);
        for (int i = 0; i < y.length; i++) if (kept[i]) y[i] = ChiangFloat.divide(e[i], s);
        return y;
    }

    /** Layer norm's epsilon: the least positive float of the format ({@code 2^(p-1) 2^-bias}), as fixed point's is one unit of the last place. */
    public static ChiangFloat layerNormEps(ChiangFloat.Format f) {
        return new ChiangFloat(f, false, java.math.BigInteger.ONE.shiftLeft(f.p() - 1), 0);
    }

    /**
     * Layer norm of a row of k (no affine part): {@code mu = (sum x_i) / k}, {@code c_i = x_i - mu},
     * {@code v = (sum c_i^2) / k}, {@code rho = 1 / sqrt(v + eps)}, {@code y_i = c_i rho}; each of sum, quotient,
     * difference, square, sum, quotient, {@code + eps}, sqrt, reciprocal and product rounded once.
     */
    public static ChiangFloat[] layerNorm(List<ChiangFloat> xs) {
        ChiangFloat.Format f = xs.getFirst().format();
        ChiangFloat k = FloatCodes.round(f, xs.size());
        ChiangFloat mu = ChiangFloat.divide(ChiangFloat.sum(f, xs), k);
        ChiangFloat[] c = new ChiangFloat[xs.size()];
        List<ChiangFloat> squares = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            c[i] = ChiangFloat.add(xs.get(i), FloatFunctions.negate(mu));
            squares.add(ChiangFloat.multiply(c[i], c[i]));
        }
        ChiangFloat v = ChiangFloat.divide(ChiangFloat.sum(f, squares), k);
        ChiangFloat rho = ChiangFloat.reciprocal(ChiangFloat.sqrt(ChiangFloat.add(v, layerNormEps(f))));
        ChiangFloat[] y = new ChiangFloat[c.length];
        for (int i = 0; i < c.length; i++) y[i] = ChiangFloat.multiply(c[i], rho);
        return y;
    }

    /** RoPE's coefficients {@code {cos t, sin t}} at the format: StrictMath's doubles rounded to p bits once (p <= 52). */
    public static ChiangFloat[] ropeCoefficients(ChiangFloat.Format f, double angle) {
        return new ChiangFloat[] {FloatCodes.round(f, StrictMath.cos(angle)), FloatCodes.round(f, StrictMath.sin(angle))};
    }

    /** The pair {@code (x, y)} rotated: {@code (c x - s y, s x + c y)}, each a dot of two (products rounded, then the sum once). */
    public static ChiangFloat[] rope(ChiangFloat x, ChiangFloat y, ChiangFloat c, ChiangFloat s) {
        return new ChiangFloat[] {FloatFunctions.dot(List.of(c, FloatFunctions.negate(s)), List.of(x, y)),
            FloatFunctions.dot(List.of(s, c), List.of(x, y))};
    }

    /**
     * The selective scan of one line, unrolled: {@code h_t = sum_(j<=t) E_(j,t) b_j} with {@code E_(t,t) = 1}
     * (exact) and {@code E_(j,t) = exp(z_(j+1) + ... + z_t)}, the exponent's sum rounded once (one term: exact), exp
     * its approximation rounded; each product {@code E_(j,t) b_j} rounded (the j = t one exact), their sum rounded once.
     */
    public static ChiangFloat[] scan(List<ChiangFloat> z, List<ChiangFloat> b) {
        ChiangFloat.Format f = z.getFirst().format();
        ChiangFloat[] h = new ChiangFloat[z.size()];
        for (int t = 0; t < h.length; t++) {
            List<ChiangFloat> terms = new ArrayList<>();
            for (int j = 0; j < t; j++) {
                ChiangFloat e = FloatExpReference.exp(t - j == 1 ? z.get(t) : ChiangFloat.sum(f, z.subList(j + 1, t + 1)));
                terms.add(ChiangFloat.multiply(e, b.get(j)));
            }
            terms.add(b.get(t));
            h[t] = ChiangFloat.sum(f, terms);
        }
        return h;
    }
}
