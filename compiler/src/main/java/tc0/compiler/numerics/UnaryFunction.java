package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The unary functions tc0 evaluates by table, each defined on every code of an input format as the exact
 * function value rounded once to the output format (nearest, ties up) and saturated: a correctly rounded
 * table. RELU, SQRT, RSQRT and RECIPROCAL are computed exactly with integers. The transcendental ones are
 * evaluated in double with a stated relative error bound; where the bound leaves the rounding undecided
 * (the value lies within it of a rounding boundary, a half-unit of the output), a {@link BigMath} evaluation
 * with rising precision decides, and where the function tends to an exactly representable limit (e.g.
 * {@code GELU(x) -> x} from below) the sign of the remainder decides. See {@code docs/NUMERICS.md}.
 *
 * <p>Domain conventions: {@code SQRT(x) = sqrt(max(x, 0))}; {@code RSQRT(x <= 0)} and
 * {@code RECIPROCAL(0)} are the output's largest code (the limit from the right).
 */
public enum UnaryFunction {
    RELU(0) {
        @Override long exactCode(long c, FixedFormat in, FixedFormat out) {
            return Rounding.toFormat(Math.max(c, 0), in.fracBits(), out);
        }
        @Override public double reference(double x) { return Math.max(x, 0); }
    },
    SQRT(0) {
        @Override long exactCode(long c, FixedFormat in, FixedFormat out) {
            if (c <= 0) return out.saturate(0);
            // k = floor(sqrt(v) 2^Fo + 1/2) = floor((isqrt(floor(4 v 2^(2Fo))) + 1) / 2), v = c / 2^Fi
            int left = 2 * out.fracBits() + 2 - in.fracBits();
            if (left < 0 ? left > -63 : 63 - Long.numberOfLeadingZeros(c) + left < 62) { // the same steps in longs
                long n = left < 0 ? c >> -left : c << left;
                return out.saturate((isqrt(n) + 1) >> 1);
            }
            BigInteger n = shift(BigInteger.valueOf(c), left);
            return out.saturate(n.sqrt().add(BigInteger.ONE).shiftRight(1));
        }
        @Override public double reference(double x) { return Math.sqrt(Math.max(x, 0)); }
    },
    RSQRT(0) {
        @Override long exactCode(long c, FixedFormat in, FixedFormat out) {
            if (c <= 0) return out.maxCode();
            // k = floor(2^Fo / sqrt(v) + 1/2) = floor((isqrt(floor(2^(2Fo+2+Fi) / c)) + 1) / 2)
            int e = 2 * out.fracBits() + 2 + in.fracBits();
            if (e < 62) return out.saturate((isqrt((1L << e) / c) + 1) >> 1); // the same steps in longs
            BigInteger n = BigInteger.ONE.shiftLeft(2 * out.fracBits() + 2 + in.fracBits()).divide(BigInteger.valueOf(c));
            return out.saturate(n.sqrt().add(BigInteger.ONE).shiftRight(1));
        }
        @Override public double reference(double x) { return 1 / Math.sqrt(x); }
    },
    RECIPROCAL(0) {
        @Override long exactCode(long c, FixedFormat in, FixedFormat out) {
            if (c == 0) return out.maxCode();
            int e = in.fracBits() + out.fracBits();
            if (e < 60 && Math.abs(c) < 1L << 60) { // divRound in longs: floor((2 num + den) / (2 den)), den > 0
                long num = c < 0 ? -(1L << e) : 1L << e, den = Math.abs(c);
                return out.saturate(Math.floorDiv(2 * num + den, 2 * den));
            }
            return out.saturate(Rounding.divRound(BigInteger.ONE.shiftLeft(e), BigInteger.valueOf(c)));
        }
        @Override public double reference(double x) { return 1 / x; }
    },
    EXP(0x1p-50) {
        @Override public double reference(double x) { return Math.exp(x); }
        @Override BigDecimal precise(BigDecimal x, int d) { return BigMath.exp(x, d); }
        @Override BigDecimal atZero() { return BigDecimal.ONE; }
        @Override Near near(double x) { return x < 0 ? new Near(0, 1, x / LN2) : null; }
    },
    SIGMOID(0x1p-48) {
        @Override public double reference(double x) { return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)); }
        @Override BigDecimal precise(BigDecimal x, int d) {
            MathContext m = BigMath.mc(d + 5);
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.exp(x.negate(), d + 5), m), BigMath.mc(d));
        }
        @Override BigDecimal atZero() { return new BigDecimal("0.5"); }
        @Override Near near(double x) {
            return x > 0 ? new Near(1, -1, -x / LN2) : new Near(0, 1, x / LN2);
        }
    },
    TANH(0x1p-48) {
        @Override public double reference(double x) { return Math.tanh(x); }
        @Override BigDecimal precise(BigDecimal x, int d) {
            MathContext m = BigMath.mc(d + 5);
            BigDecimal e = BigMath.exp(x.abs().multiply(BigDecimal.valueOf(-2)), d + 5); // e^(-2|x|)
            BigDecimal t = BigDecimal.ONE.subtract(e, m).divide(BigDecimal.ONE.add(e, m), BigMath.mc(d));
            return x.signum() < 0 ? t.negate() : t;
        }
        @Override BigDecimal atZero() { return BigDecimal.ZERO; }
        @Override Near near(double x) {
            double gap = 1 - 2 * Math.abs(x) / LN2; // |r| <= 2 e^(-2|x|)
            return x > 0 ? new Near(1, -1, gap) : new Near(-1, 1, gap);
        }
    },
    SILU(0x1p-48) {
        @Override public double reference(double x) { return x * SIGMOID.reference(x); }
        @Override BigDecimal precise(BigDecimal x, int d) { return x.multiply(SIGMOID.precise(x, d + 2), BigMath.mc(d)); }
        @Override BigDecimal atZero() { return BigDecimal.ZERO; }
        @Override Near near(double x) { // |r| <= |x| e^(-|x|), below the limit on both sides
            double gap = log2(Math.abs(x)) - Math.abs(x) / LN2;
            return new Near(x > 0 ? x : 0, -1, gap);
        }
    },
    GELU(0x1p-36) {
        @Override public double reference(double x) { return x * phi(x); }
        @Override BigDecimal precise(BigDecimal x, int d) {
            MathContext m = BigMath.mc(d + 5);
            BigDecimal z = x.divide(BigMath.sqrt(BigDecimal.valueOf(2), d + 10), m);
            BigDecimal cdf = BigDecimal.ONE.add(BigMath.erf(z, d + 10), m).divide(BigDecimal.valueOf(2), m);
            return x.multiply(cdf, BigMath.mc(d));
        }
        @Override BigDecimal atZero() { return BigDecimal.ZERO; }
        @Override Near near(double x) { // |r| = |x| Phi(-|x|) <= |x| e^(-x^2/2) / 2, below the limit
            double gap = log2(Math.abs(x)) - 1 - x * x / 2 / LN2;
            return new Near(x > 0 ? x : 0, -1, gap);
        }
    },
    SOFTPLUS(0x1p-48) {
        @Override public double reference(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        @Override BigDecimal precise(BigDecimal x, int d) {
            BigDecimal u = BigMath.exp(x.abs().negate(), d + 5);
            BigDecimal l = BigMath.log1p(u, d + 5);
            return (x.signum() > 0 ? x.add(l) : l).round(BigMath.mc(d));
        }
        @Override Near near(double x) { // above the limit max(x, 0), by at most e^(-|x|)
            return new Near(x > 0 ? x : 0, 1, -Math.abs(x) / LN2);
        }
    },
    SIN(0x1p-50) {
        @Override public double reference(double x) { return Math.sin(x); }
        @Override BigDecimal precise(BigDecimal x, int d) { return BigMath.sin(x, d); }
        @Override BigDecimal atZero() { return BigDecimal.ZERO; }
    },
    COS(0x1p-50) {
        @Override public double reference(double x) { return Math.cos(x); }
        @Override BigDecimal precise(BigDecimal x, int d) { return BigMath.cos(x, d); }
        @Override BigDecimal atZero() { return BigDecimal.ONE; }
    };

    private static final double LN2 = Math.log(2);
    private static final int MAX_DIGITS = 640;

    /** Relative error bound of the double evaluation; 0 for the functions computed exactly. */
    private final double relError;

    UnaryFunction(double relError) {
        this.relError = relError;
    }

    /** True if the function is computed with integers only (no transcendental evaluation). */
    public boolean isExact() { return relError == 0; }

    /** The float64 value, for error reports (not used to build tables). */
    public abstract double reference(double x);

    /**
     * The correctly rounded, saturated code of {@code f(c / 2^Fin)} in {@code out}.
     *
     * @throws IllegalStateException if even {@value #MAX_DIGITS} digits cannot decide the rounding (never
     *                               observed; it would name the entry)
     */
    public long apply(long c, FixedFormat in, FixedFormat out) {
        Fixed.check(c, in);
        if (isExact()) return exactCode(c, in, out);
        return transcendental(c, in, out);
    }

    long exactCode(long c, FixedFormat in, FixedFormat out) {
        throw new AssertionError(this + " has no exact evaluation");
    }

    BigDecimal precise(BigDecimal x, int digits) {
        throw new AssertionError(this + " has no precise evaluation");
    }

    /** f(0) when it is rational, else null. */
    BigDecimal atZero() { return null; }

    /** An exactly representable limit f approaches at x, or null. */
    Near near(double x) { return null; }

    /** f(x) = limit + r with sign(r) = side and |r| <= 2^log2Bound; the limit a double (0, 1, -1 or x itself: exact). */
    record Near(double limit, int side, double log2Bound) {}

    private long transcendental(long c, FixedFormat in, FixedFormat out) {
        int fo = out.fracBits();
        if (c == 0 && atZero() != null) return out.saturate(Rounding.roundHalfUp(atZero().multiply(pow2(fo))));
        // The code's value as a double: exact below 2^53 (then equal to the BigDecimal's doubleValue), made without one.
        double xd = Math.abs(c) < 1L << 53 ? Math.scalb((double) c, -in.fracBits()) : in.exact(c).doubleValue();
        Near near = near(xd);
        if (near != null && near.log2Bound() < -Math.max(in.fracBits(), fo + 1) - 1) {
            double sd = Math.scalb(near.limit(), fo); // exact: a double times a power of two
            if (Math.abs(sd) < 0x1p52) { // the steps below in doubles, each exact
                double fl = Math.floor(sd), frac = sd - fl;
                if (frac == 0.5) return out.saturate(near.side() > 0 ? (long) fl + 1 : (long) fl);
                return out.saturate(frac > 0.5 ? (long) fl + 1 : (long) fl);
            }
            BigDecimal scaled = new BigDecimal(near.limit()).multiply(pow2(fo));
            BigInteger fl = BigMath.floor(scaled);
            boolean boundary = scaled.subtract(new BigDecimal(fl)).compareTo(new BigDecimal("0.5")) == 0;
            if (boundary) return out.saturate(near.side() > 0 ? fl.add(BigInteger.ONE) : fl);
            return out.saturate(Rounding.roundHalfUp(scaled));
        }
        double s = Math.scalb(reference(xd), fo);
        // Past a double's range (exp of a large input): far past any code, so saturation decides.
        if (Double.isInfinite(s)) return s > 0 ? out.maxCode() : out.minCode();
        if (!Double.isNaN(s)) {
            double tol = Math.abs(s) * relError + 0x1p-60;
            if (s - tol > out.maxCode() + 1.0) return out.maxCode();
            if (s + tol < out.minCode() - 1.0) return out.minCode();
            if (Math.abs(s) < 0x1p50) {
                double k = Math.floor(s + 0.5);
                if (Math.abs(s - (k - 0.5)) > tol && Math.abs(s - (k + 0.5)) > tol) return out.saturate((long) k);
            }
        }
        BigDecimal x = in.exact(c);
        for (int digits = 40; digits <= MAX_DIGITS; digits *= 2) {
            BigDecimal v = precise(x, digits).multiply(pow2(fo));
            BigDecimal err = v.abs().add(BigDecimal.ONE).movePointLeft(digits - 3);
            // Decided once both ends round to one code after saturation: a value far past the range
            // needs no digit of its own.
            long lo = out.saturate(Rounding.roundHalfUp(v.subtract(err))), hi = out.saturate(Rounding.roundHalfUp(v.add(err)));
            if (lo == hi) return lo;
        }
        throw new IllegalStateException(this + "(" + x + ") to " + out + ": rounding undecided at " + MAX_DIGITS + " digits");
    }

    /** All codes of {@code in} mapped: entry {@code i} is {@code f(in.minCode() + i)}. */
    public long[] table(FixedFormat in, FixedFormat out) {
        return Table.of(this, in, out).codes();
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 && e < POW2.length ? POW2[e] : BigDecimal.valueOf(2).pow(e);
    }

    /** {@code 2^e} for small e (BigDecimal is immutable: shared). */
    private static final BigDecimal[] POW2 = new BigDecimal[128];

    static {
        for (int e = 0; e < POW2.length; e++) POW2[e] = BigDecimal.valueOf(2).pow(e);
    }

    private static double log2(double v) {
        return Math.log(v) / LN2;
    }

    /** floor(sqrt(n)) for {@code n >= 0}: the double's root, corrected. */
    static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) r--;
        while ((r + 1) * (r + 1) <= n) r++;
        return r;
    }

    private static BigInteger shift(BigInteger v, int left) {
        return left >= 0 ? v.shiftLeft(left) : v.shiftRight(-left);
    }

    /** The standard normal CDF in double, relative error well below 2^-36 (see {@code docs/NUMERICS.md}). */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double erfc = z < 2 ? 1 - erf(z) : erfcFraction(z);
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /** erf by its Taylor series, for {@code 0 <= z < 2}. */
    static double erf(double z) {
        double z2 = z * z, power = z, sum = z;
        for (int n = 1; n < 80; n++) {
            power *= -z2 / n;
            double term = power / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-18 * Math.abs(sum)) break;
        }
        return sum * 2 / Math.sqrt(Math.PI);
    }

    /** erfc by its continued fraction {@code e^(-z^2)/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...))))}, z >= 2. */
    static double erfcFraction(double z) {
        double f = z;
        for (int n = 300; n >= 1; n--) f = z + (n / 2.0) / f;
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
    }
}
