package tc0.compiler.numerics;

import java.math.BigInteger;

/**
 * The exact semantics of tc0's arithmetic on fixed-point codes: every result is the exact mathematical value
 * of the operation on the operands' values, rounded once (nearest, ties up: {@link Rounding}) to the output
 * format's fraction bits and then saturated to its range. Sums and dot products of any length are exact
 * before their one rounding. All methods are static and pure; codes are longs in their format's range.
 */
public final class Fixed {
    private Fixed() {}

    /** {@code x} converted to {@code out}: rounded, saturated. */
    public static long convert(long x, FixedFormat fx, FixedFormat out) {
        check(x, fx);
        return Rounding.toFormat(x, fx.fracBits(), out);
    }

    /** {@code x + y}. */
    public static long add(long x, FixedFormat fx, long y, FixedFormat fy, FixedFormat out) {
        return linear(new long[] {1, 1}, 0, new long[] {x, y}, new FixedFormat[] {fx, fy}, out);
    }

    /** {@code x - y}. */
    public static long sub(long x, FixedFormat fx, long y, FixedFormat fy, FixedFormat out) {
        return linear(new long[] {1, -1}, 0, new long[] {x, y}, new FixedFormat[] {fx, fy}, out);
    }

    /** {@code -x}. */
    public static long neg(long x, FixedFormat fx, FixedFormat out) {
        check(x, fx);
        return Rounding.toFormat(-x, fx.fracBits(), out);
    }

    /** {@code x * y}: the exact product (at {@code Fx + Fy} fraction bits), rounded once. */
    public static long mul(long x, FixedFormat fx, long y, FixedFormat fy, FixedFormat out) {
        check(x, fx);
        check(y, fy);
        return Rounding.toFormat(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)), fx.fracBits() + fy.fracBits(), out);
    }

    /** {@code sum_i x_i} of codes of one format, exact, then rounded and saturated once. */
    public static long sum(long[] xs, FixedFormat f, FixedFormat out) {
        BigInteger s = BigInteger.ZERO;
        for (long x : xs) { check(x, f); s = s.add(BigInteger.valueOf(x)); }
        return Rounding.toFormat(s, f.fracBits(), out);
    }

    /** {@code sum_i x_i * y_i}, exact (at {@code Fx + Fy}), then rounded and saturated once. */
    public static long dot(long[] xs, FixedFormat fx, long[] ys, FixedFormat fy, FixedFormat out) {
        return Rounding.toFormat(exactDot(xs, fx, ys, fy), fx.fracBits() + fy.fracBits(), out);
    }

    /** The exact integer {@code sum_i x_i * y_i} of the codes (its value is this over {@code 2^(Fx+Fy)}). */
    public static BigInteger exactDot(long[] xs, FixedFormat fx, long[] ys, FixedFormat fy) {
        if (xs.length != ys.length) throw new IllegalArgumentException("lengths differ: " + xs.length + " and " + ys.length);
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], fx);
            check(ys[i], fy);
            s = s.add(BigInteger.valueOf(xs[i]).multiply(BigInteger.valueOf(ys[i])));
        }
        return s;
    }

    /**
     * A weighted sum with integer coefficients, {@code sum_i c_i * x_i + b}, where {@code x_i} is a code of {@code formats[i]} and {@code b} an integer code at the largest of those
     * fraction counts. Exact, then one rounding and saturation. With all formats equal this is
     * {@code round(sum c_i x_i + b)} on codes.
     */
    public static long linear(long[] coeffs, long bias, long[] xs, FixedFormat[] formats, FixedFormat out) {
        int frac = 0;
        for (FixedFormat f : formats) frac = Math.max(frac, f.fracBits());
        BigInteger s = BigInteger.valueOf(bias);
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], formats[i]);
            s = s.add(BigInteger.valueOf(coeffs[i]).multiply(BigInteger.valueOf(xs[i])).shiftLeft(frac - formats[i].fracBits()));
        }
        return Rounding.toFormat(s, frac, out);
    }

    /**
     * {@code x / y}: the exact rational, rounded once (nearest, ties up), saturated. Division by zero gives
     * the format's largest code when {@code x >= 0} and its smallest when {@code x < 0} (the limit from
     * {@code y -> 0+}).
     */
    public static long div(long x, FixedFormat fx, long y, FixedFormat fy, FixedFormat out) {
        check(x, fx);
        check(y, fy);
        if (y == 0) return x >= 0 ? out.maxCode() : out.minCode();
        // x/2^Fx / (y/2^Fy) * 2^Fo = x * 2^(Fy+Fo) / (y * 2^Fx)
        BigInteger num = BigInteger.valueOf(x).shiftLeft(fy.fracBits() + out.fracBits());
        BigInteger den = BigInteger.valueOf(y).shiftLeft(fx.fracBits());
        return out.saturate(Rounding.divRound(num, den));
    }

    /** {@code f(x)}, correctly rounded and saturated: the entry of {@code f}'s table (see {@link UnaryFunction}). */
    public static long apply(UnaryFunction f, long x, FixedFormat fx, FixedFormat out) {
        check(x, fx);
        return f.apply(x, fx, out);
    }

    /** The largest code (formats are equal, so codes compare as values). */
    public static long max(long[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException("max of nothing");
        long m = xs[0];
        for (long x : xs) m = Math.max(m, x);
        return m;
    }

    /** The first index of the largest code. */
    public static int argmax(long[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException("argmax of nothing");
        int best = 0;
        for (int i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
        return best;
    }

    static void check(long code, FixedFormat f) {
        if (!f.contains(code)) throw new IllegalArgumentException("code " + code + " outside " + f);
    }

    /**
     * Softmax of a row, as the circuit computes it: {@code m = max_i x_i}; {@code d_i = x_i - m} exact in
     * {@link #softmaxDiffFormat(FixedFormat)}; {@code e_i = EXP(d_i)} from the correctly rounded table into
     * {@code fe}; {@code s = sum_j e_j} exact; {@code p_i = e_i / s} rounded once into {@code out}
     * ({@link #div}; {@code s >= e_max = round(exp 0) > 0} whenever {@code fe} holds a positive code).
     */
    public static long[] softmax(long[] xs, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        long m = max(xs);
        FixedFormat fd = softmaxDiffFormat(fx);
        long[] e = new long[xs.length];
        long s = 0;
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], fx);
            e[i] = UnaryFunction.EXP.apply(xs[i] - m, fd, fe);
            s = Math.addExact(s, e[i]);
        }
        long[] p = new long[xs.length];
        for (int i = 0; i < xs.length; i++) p[i] = divCodes(e[i], s, out);
        return p;
    }

    /**
     * Masked softmax: {@link #softmax} over the entries {@code i} with {@code keep[i]}, the others 0 (minus
     * infinity in the scores: they take no part in the maximum or the sum). A line with no entry kept is all 0,
     * not uniform: there is nothing to attend to.
     */
    public static long[] maskedSoftmax(long[] xs, boolean[] keep, FixedFormat fx, FixedFormat fe, FixedFormat out) {
        int k = 0;
        for (boolean b : keep) if (b) k++;
        long[] kept = new long[k];
        for (int i = 0, j = 0; i < xs.length; i++) if (keep[i]) kept[j++] = xs[i];
        long[] p = new long[xs.length];
        if (k == 0) return p;
        long[] q = softmax(kept, fx, fe, out);
        for (int i = 0, j = 0; i < xs.length; i++) if (keep[i]) p[i] = q[j++];
        return p;
    }

    /**
     * The mean of the entries whose {@code keep} bit is set: their exact sum over their count, rounded once into
     * {@code out} and saturated; a line that keeps no entry is 0 (a node with no neighbour), never a division by 0.
     */
    public static long maskedMean(long[] xs, boolean[] keep, FixedFormat fx, FixedFormat out) {
        BigInteger s = BigInteger.ZERO;
        long c = 0;
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], fx);
            if (keep[i]) { s = s.add(BigInteger.valueOf(xs[i])); c++; }
        }
        if (c == 0) return 0;
        return out.saturate(Rounding.divRound(s.shiftLeft(out.fracBits()), BigInteger.valueOf(c).shiftLeft(fx.fracBits())));
    }

    /** The format of {@code x_i - max x}: one more integer bit than {@code fx}. */
    public static FixedFormat softmaxDiffFormat(FixedFormat fx) {
        return FixedFormat.of(fx.intBits() + 1, fx.fracBits());
    }

    /** {@code (a / 2^f) / (b / 2^f)} = {@code a / b} into {@code out}, with {@link #div}'s rule for b = 0. */
    static long divCodes(long a, long b, FixedFormat out) {
        if (b == 0) return a >= 0 ? out.maxCode() : out.minCode();
        return out.saturate(Rounding.divRound(BigInteger.valueOf(a).shiftLeft(out.fracBits()), BigInteger.valueOf(b)));
    }

    /**
     * The RoPE coefficients of a pair at an angle: {@code {round(cos t), round(sin t)}} in {@code fc}, where
     * {@code t} is given as a double and cos, sin are {@link StrictMath}'s (reproducible on every platform;
     * a double converts to a code exactly by {@link FixedFormat#fromDouble}).
     */
    public static long[] ropeCoefficients(double angle, FixedFormat fc) {
        return new long[] {fc.fromDouble(StrictMath.cos(angle)), fc.fromDouble(StrictMath.sin(angle))};
    }

    /** The standard RoPE angle of pair {@code i} (of {@code d/2}) at position {@code pos}: {@code pos * base^(-2i/d)}. */
    public static double ropeAngle(int pos, int i, int d, double base) {
        return pos * StrictMath.pow(base, -2.0 * i / d);
    }

    /**
     * A RoPE rotation of the pair {@code (x, y)} by coefficients {@code (c, s)} (codes of {@code fc}):
     * {@code (c x - s y, s x + c y)}, each exact then rounded once into {@code out}.
     */
    public static long[] rope(long x, long y, FixedFormat fx, long c, long s, FixedFormat fc, FixedFormat out) {
        return new long[] {
            dot(new long[] {c, -s}, fc, new long[] {x, y}, fx, out),
            dot(new long[] {s, c}, fc, new long[] {x, y}, fx, out)};
    }

    /** Neighbour aggregation: {@code sum_j [adj_j] x_j}, exact, rounded once into {@code out}. */
    public static long aggregate(boolean[] adj, long[] xs, FixedFormat fx, FixedFormat out) {
        long s = 0;
        for (int j = 0; j < xs.length; j++) {
            check(xs[j], fx);
            if (adj[j]) s = Math.addExact(s, xs[j]);
        }
        return Rounding.toFormat(s, fx.fracBits(), out);
    }

    /**
     * Layer norm of a row (no affine part: a learned scale and shift are a separate constant-weight
     * {@link #linear}), as the circuit computes it, from exact integer sums of the codes {@code x_i}
     * ({@code m} of them, {@code F = fx.fracBits()}):
     * <ol>
     *   <li>{@code S = sum x_i}, {@code Q = m sum x_i^2 - S^2} (exact integers; the mean is {@code S / (m 2^F)}
     *       and the variance {@code v = Q / (m^2 2^(2F))}, both exact);</li>
     *   <li>{@code rho = 1 / (m sqrt(v + eps))}, correctly rounded from the exact value to
     *       {@code Fr + L} fraction bits ({@code L = ceil(log2 m)}, {@code Fr = fr.fracBits()}) and saturated at
     *       the code {@code fr.maxCode()}; {@code v + eps = 0} gives that code ({@link #layerNormScale});</li>
     *   <li>{@code y_i = (m x_i - S) rho}, i.e. {@code (x_i - mean) / sqrt(v + eps)} with the rounded scale,
     *       exact, then rounded once into {@code out}.</li>
     * </ol>
     * Two roundings in all. For a power-of-two {@code m} the code of rho is exactly the code of
     * {@code RSQRT(v + eps)} correctly rounded into {@code fr} (while below saturation), and {@code y_i =
     * round((x_i - mean) r)}; for other {@code m} rho carries the factor {@code 1/m} at {@code L} extra
     * fraction bits, so no division by m is ever rounded. {@code eps} is a nonnegative code of {@code feps}.
     */
    public static long[] layerNorm(long[] xs, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr, FixedFormat out) {
        int m = xs.length;
        if (m == 0) throw new IllegalArgumentException("layer norm of nothing");
        BigInteger s = BigInteger.ZERO, t = BigInteger.ZERO;
        for (long x : xs) {
            check(x, fx);
            BigInteger b = BigInteger.valueOf(x);
            s = s.add(b);
            t = t.add(b.multiply(b));
        }
        BigInteger q = t.multiply(BigInteger.valueOf(m)).subtract(s.multiply(s));
        long rho = layerNormScale(q, m, fx, eps, feps, fr);
        int frac = fx.fracBits() + layerNormScaleFracBits(m, fr);
        long[] y = new long[m];
        BigInteger r = BigInteger.valueOf(rho), mm = BigInteger.valueOf(m);
        for (int i = 0; i < m; i++) y[i] = Rounding.toFormat(BigInteger.valueOf(xs[i]).multiply(mm).subtract(s).multiply(r), frac, out);
        return y;
    }

    /** {@code ceil(log2 m)}: the extra fraction bits of layer norm's scale for a row of {@code m}. */
    public static int layerNormExtraBits(int m) {
        if (m < 1) throw new IllegalArgumentException("row length " + m);
        return 32 - Integer.numberOfLeadingZeros(m - 1);
    }

    /** Fraction bits of layer norm's scale rho: {@code fr.fracBits() + ceil(log2 m)}. */
    public static int layerNormScaleFracBits(int m, FixedFormat fr) {
        return fr.fracBits() + layerNormExtraBits(m);
    }

    /**
     * Layer norm's scale: the code (at {@link #layerNormScaleFracBits} fraction bits) of
     * {@code rho = 1 / (m sqrt(v + eps))} with {@code v = q / (m^2 2^(2F))}, {@code q = m sum x^2 - (sum x)^2 >= 0}:
     * with {@code num = q 2^Fe + eps m^2 2^(2F)} ({@code = m^2 2^(2F+Fe) (v + eps)}) and
     * {@code N = 2^(2(Fr+L) + 2F + Fe + 2)}, rounding to nearest (ties up) gives
     * {@code floor((isqrt(floor(N / num)) + 1) / 2)}, then saturated at {@code fr.maxCode()};
     * {@code num = 0} gives {@code fr.maxCode()}. Nonincreasing in q.
     */
    public static long layerNormScale(BigInteger q, int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        if (q.signum() < 0) throw new IllegalArgumentException("negative q " + q);
        if (eps < 0) throw new IllegalArgumentException("negative eps " + eps);
        check(eps, feps);
        int f = fx.fracBits(), fe = feps.fracBits(), frho = layerNormScaleFracBits(m, fr);
        BigInteger mm = BigInteger.valueOf(m);
        BigInteger num = q.shiftLeft(fe).add(BigInteger.valueOf(eps).multiply(mm).multiply(mm).shiftLeft(2 * f));
        if (num.signum() == 0) return fr.maxCode();
        BigInteger n = BigInteger.ONE.shiftLeft(2 * frho + 2 * f + fe + 2).divide(num);
        BigInteger k = n.sqrt().add(BigInteger.ONE).shiftRight(1);
        return k.compareTo(BigInteger.valueOf(fr.maxCode())) >= 0 ? fr.maxCode() : k.longValueExact();
    }

    /**
     * The largest q with {@code layerNormScale(q) >= t} for a code {@code 1 <= t <= fr.maxCode()}, or -1 if none:
     * {@code floor((floor(N / (2t-1)^2) - eps m^2 2^(2F)) / 2^Fe)} (the breakpoints of the scale's table).
     */
    public static BigInteger layerNormScaleLimit(long t, int m, FixedFormat fx, long eps, FixedFormat feps, FixedFormat fr) {
        if (t < 1 || t > fr.maxCode()) throw new IllegalArgumentException("code " + t + " outside 1.." + fr.maxCode());
        int f = fx.fracBits(), fe = feps.fracBits(), frho = layerNormScaleFracBits(m, fr);
        BigInteger mm = BigInteger.valueOf(m);
        BigInteger odd = BigInteger.valueOf(2 * t - 1);
        BigInteger lim = BigInteger.ONE.shiftLeft(2 * frho + 2 * f + fe + 2).divide(odd.multiply(odd))
                .subtract(BigInteger.valueOf(eps).multiply(mm).multiply(mm).shiftLeft(2 * f));
        if (lim.signum() < 0) return BigInteger.ONE.negate();
        return lim.shiftRight(fe);
    }

    /**
     * The largest {@code q = m sum x^2 - (sum x)^2} over rows of m codes of {@code fx}:
     * {@code floor(m/2) ceil(m/2) (2^w - 1)^2} (half the row at each end of the range).
     */
    public static BigInteger layerNormMaxQ(int m, FixedFormat fx) {
        BigInteger d = BigInteger.valueOf(fx.maxCode() - fx.minCode());
        return BigInteger.valueOf((long) (m / 2) * (m - m / 2)).multiply(d).multiply(d);
    }
}
