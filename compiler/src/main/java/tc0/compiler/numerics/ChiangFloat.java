package tc0.compiler.numerics;

import java.math.BigInteger;
import java.util.List;

/**
 * Chiang's p-bit floats (Chiang 2024, Definition 9), exact on BigInteger: the reference the float gadgets
 * are checked against. A float is a sign, a significand m that is 0 or in {@code [2^(p-1), 2^p)}, and an
 * exponent e; its value is {@code (-1)^sign m 2^e}. Here the exponent has {@code q} bits stored biased:
 * {@code E = e + 2^(q-1)} in {@code [0, 2^q)}, so {@code e} lies in {@code [-2^(q-1), 2^(q-1))} (Chiang
 * takes {@code [-2^p, 2^p)}, i.e. q = p + 1). Every operation computes its exact result and rounds it once
 * ({@link #round}): to p significant bits, to nearest, ties to the even significand, with an unbounded
 * exponent; then at the ends of the exponent range a result whose exponent passes the top saturates to the
 * largest magnitude {@code (2^p - 1) 2^(2^(q-1) - 1)} with its sign, and one whose exponent falls below the
 * bottom flushes to zero (no subnormals). Zero is canonical: sign 0, exponent 0, significand 0; a
 * significand of 0 is read as zero whatever its sign and exponent.
 */
public record ChiangFloat(Format format, boolean negative, BigInteger significand, int biasedExponent) {
    /** p significand bits, q exponent bits. */
    public record Format(int p, int q) {
        public Format {
            if (p < 2 || q < 1 || q > 20) throw new IllegalArgumentException("float format p=" + p + " q=" + q);
        }

        public int bias() { return 1 << (q - 1); }

        public ChiangFloat zero() { return new ChiangFloat(this, false, BigInteger.ZERO, 0); }

        /** The largest magnitude with the given sign. */
        public ChiangFloat largest(boolean negative) {
            return new ChiangFloat(this, negative, BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE), (1 << q) - 1);
        }

        public ChiangFloat of(boolean negative, long significand, int biasedExponent) {
            return new ChiangFloat(this, negative, BigInteger.valueOf(significand), biasedExponent);
        }

        /**
         * {@code (-1)^negative n 2^k} rounded: p significant bits to nearest, ties to even, then saturated
         * above the exponent range and flushed to zero below it.
         */
        public ChiangFloat round(boolean negative, BigInteger n, int k) {
            if (n.signum() < 0) throw new IllegalArgumentException("magnitude " + n);
            if (n.signum() == 0) return zero();
            int shift = n.bitLength() - p; // n / 2^shift has p bits before the point
            BigInteger m;
            if (shift <= 0) m = n.shiftLeft(-shift);
            else {
                m = n.shiftRight(shift);
                BigInteger rest = n.subtract(m.shiftLeft(shift)), half = BigInteger.ONE.shiftLeft(shift - 1);
                int c = rest.compareTo(half);
                if (c > 0 || c == 0 && m.testBit(0)) m = m.add(BigInteger.ONE);
                if (m.bitLength() > p) { m = m.shiftRight(1); shift++; }
            }
            long e = (long) k + shift + bias();
            if (e >= 1L << q) return largest(negative);
            if (e < 0) return zero();
            return new ChiangFloat(this, negative, m, (int) e);
        }
        /**
         * {@code (-1)^negative (num / den) 2^k} rounded as {@link #round} does, for {@code num >= 0, den > 0}:
         * the nearest p-bit significand found by exact integer division, the remainder deciding ties.
         */
        public ChiangFloat roundQuotient(boolean negative, BigInteger num, BigInteger den, int k) {
            if (num.signum() < 0 || den.signum() <= 0) throw new IllegalArgumentException(num + " / " + den);
            if (num.signum() == 0) return zero();
            // s with floor(num 2^s / den) in [2^(p-1), 2^p): start from the bit lengths, adjust by one.
            int s = p - 1 - (num.bitLength() - den.bitLength());
            BigInteger[] qr = shiftedDivide(num, den, s);
            if (qr[0].bitLength() < p) qr = shiftedDivide(num, den, ++s);
            if (qr[0].bitLength() > p) qr = shiftedDivide(num, den, --s);
            BigInteger m = qr[0], twiceRest = qr[1].shiftLeft(1), scaledDen = s >= 0 ? den : den.shiftLeft(-s);
            int c = twiceRest.compareTo(scaledDen);
            if (c > 0 || c == 0 && m.testBit(0)) m = m.add(BigInteger.ONE);
            if (m.bitLength() > p) { m = m.shiftRight(1); s--; }
            long e = (long) k - s + bias();
            if (e >= 1L << q) return largest(negative);
            if (e < 0) return zero();
            return new ChiangFloat(this, negative, m, (int) e);
        }

        /** {@code num 2^s / den} as quotient and remainder (the remainder against {@code den 2^(-s)} when s < 0). */
        private static BigInteger[] shiftedDivide(BigInteger num, BigInteger den, int s) {
            return s >= 0 ? num.shiftLeft(s).divideAndRemainder(den) : num.divideAndRemainder(den.shiftLeft(-s));
        }
    }

    public ChiangFloat {
        int p = format.p();
        if (significand.signum() < 0 || significand.bitLength() > p || significand.signum() > 0 && significand.bitLength() < p)
            throw new IllegalArgumentException("significand " + significand + " is not 0 or in [2^" + (p - 1) + ", 2^" + p + ")");
        if (biasedExponent < 0 || biasedExponent >= 1 << format.q()) throw new IllegalArgumentException("exponent " + biasedExponent);
    }

    public boolean isZero() { return significand.signum() == 0; }

    /** The unbiased exponent e. */
    public int exponent() { return biasedExponent - format.bias(); }

    /** The value as {@code numerator 2^(-2^(q-1))}: every float is an integer multiple of the smallest exponent's unit. */
    public BigInteger scaled() {
        BigInteger v = significand.shiftLeft(biasedExponent);
        return negative ? v.negate() : v;
    }

    /** The canonical form (zero with sign 0 and exponent 0). */
    public ChiangFloat canonical() { return isZero() ? format.zero() : this; }

    /** {@code x < y}, {@code 0}, {@code x > y}: -1, 0, 1 by value. */
    public static int compare(ChiangFloat x, ChiangFloat y) { return x.scaled().compareTo(y.scaled()); }

    /** The exact sum of all, rounded once. */
    public static ChiangFloat sum(Format f, List<ChiangFloat> xs) {
        BigInteger s = BigInteger.ZERO;
        for (ChiangFloat x : xs) s = s.add(x.scaled());
        return f.round(s.signum() < 0, s.abs(), -f.bias());
    }

    public static ChiangFloat add(ChiangFloat x, ChiangFloat y) { return sum(x.format, List.of(x, y)); }

    /** The exact product of all, rounded once. */
    public static ChiangFloat product(Format f, List<ChiangFloat> xs) {
        BigInteger m = BigInteger.ONE;
        boolean neg = false;
        int e = 0;
        for (ChiangFloat x : xs) { m = m.multiply(x.significand); neg ^= x.negative; e += x.exponent(); }
        return f.round(neg, m, e);
    }

    public static ChiangFloat multiply(ChiangFloat x, ChiangFloat y) { return product(x.format, List.of(x, y)); }

    /**
     * {@code floor(x)}: the greatest integer at most x, as a float, exact (an integer of at most p significant bits; -1
     * is a float whenever some nonzero float lies below 1 in magnitude), rounded as every result is all the same.
     * {@code scaled() / 2^bias} rounded toward minus infinity is BigInteger's shift.
     */
    public ChiangFloat floor() {
        BigInteger f = scaled().shiftRight(format.bias());
        return format.round(f.signum() < 0, f.abs(), 0);
    }

    /**
     * {@code x / y}, the exact quotient rounded once. Division by zero gives the largest magnitude with x's
     * sign (positive for {@code 0 / 0}): the limit from above, as {@code Fixed.div} gives all ones.
     */
    public static ChiangFloat divide(ChiangFloat x, ChiangFloat y) {
        Format f = x.format;
        if (y.isZero()) return f.largest(x.negative && !x.isZero());
        return f.roundQuotient(x.negative ^ y.negative, x.significand, y.significand, x.exponent() - y.exponent());
    }

    /** {@code 1 / y} rounded once ({@link #divide} with the exact 1, which need not be a float of the format). */
    public static ChiangFloat reciprocal(ChiangFloat y) {
        Format f = y.format;
        if (y.isZero()) return f.largest(false);
        return f.roundQuotient(y.negative, BigInteger.ONE, y.significand, -y.exponent());
    }

    /**
     * {@code sqrt(x)} rounded once (its relative error is at most {@code 2^-p}); zero for {@code x <= 0}.
     * Exact: the nearest significand is decided by squaring the midpoint between the two candidates.
     */
    public static ChiangFloat sqrt(ChiangFloat x) {
        Format f = x.format;
        if (x.isZero() || x.negative) return f.zero();
        int e = x.exponent(), odd = Math.floorMod(e, 2), j = f.p() + 2;
        // x = m' 2^(e - odd) with m' = m 2^odd; sqrt(x) = sqrt(M) 2^((e - odd) / 2 - j), M = m' 2^(2j).
        BigInteger big = x.significand.shiftLeft(odd + 2 * j), r = big.sqrt();
        int shift = r.bitLength() - f.p(); // at least 2: r has p + 2 bits or more
        BigInteger m = r.shiftRight(shift), mid = m.shiftLeft(1).add(BigInteger.ONE).shiftLeft(shift - 1);
        int c = big.compareTo(mid.multiply(mid));
        if (c > 0 || c == 0 && m.testBit(0)) m = m.add(BigInteger.ONE);
        return f.round(false, m, shift + (e - odd) / 2 - j);
    }

    /** Every float of a format whose significand is nonzero, then zero: for exhaustive tests at tiny widths. */
    public static List<ChiangFloat> all(Format f) {
        java.util.ArrayList<ChiangFloat> out = new java.util.ArrayList<>();
        for (int s = 0; s < 2; s++)
            for (int e = 0; e < 1 << f.q(); e++)
                for (long m = 1L << (f.p() - 1); m < 1L << f.p(); m++) out.add(f.of(s == 1, m, e));
        out.add(f.zero());
        return out;
    }
}
