package tc0.compiler.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A two's complement fixed-point format {@code fixed(int: I, frac: F)}: a word of {@code I + F} bits whose
 * code {@code c} stands for the value {@code c / 2^F}. {@code intBits} counts the sign bit, so the codes are
 * {@code [-2^(I+F-1), 2^(I+F-1) - 1]} and the values {@code [-2^(I-1), 2^(I-1) - 2^-F]}.
 * E.g. {@code fixed(4, 4)} is 8 bits, values -8 .. 7.9375 in steps of 1/16.
 *
 * @param intBits  integer bits including the sign bit, {@code >= 0}
 * @param fracBits fraction bits, {@code >= 0}
 */
public record FixedFormat(int intBits, int fracBits) {
    /** Widest word: codes and their exact sums of a few terms stay within a long. */
    public static final int MAX_WIDTH = 62;

    public FixedFormat {
        if (intBits < 0 || fracBits < 0) throw new IllegalArgumentException("negative bit count in fixed(" + intBits + ", " + fracBits + ")");
        int w = intBits + fracBits;
        if (w < 1 || w > MAX_WIDTH) throw new IllegalArgumentException("width " + w + " of fixed(" + intBits + ", " + fracBits + ") not in 1.." + MAX_WIDTH);
    }

    /** {@code fixed(I, F)}. */
    public static FixedFormat of(int intBits, int fracBits) {
        return new FixedFormat(intBits, fracBits);
    }

    /** The integer format of {@code width} bits: {@code fixed(width, 0)}. */
    public static FixedFormat integer(int width) {
        return new FixedFormat(width, 0);
    }

    /** Bits of a word: {@code I + F}. */
    public int width() { return intBits + fracBits; }

    /** Smallest code: {@code -2^(width-1)}. */
    public long minCode() { return -(1L << (width() - 1)); }

    /** Largest code: {@code 2^(width-1) - 1}. */
    public long maxCode() { return (1L << (width() - 1)) - 1; }

    public boolean contains(long code) { return code >= minCode() && code <= maxCode(); }

    /** The code clamped to {@code [minCode, maxCode]}: saturation. */
    public long saturate(long code) { return Math.max(minCode(), Math.min(maxCode(), code)); }

    /** The code clamped to {@code [minCode, maxCode]}: saturation of an exact integer of any size. */
    public long saturate(BigInteger code) {
        if (code.compareTo(BigInteger.valueOf(maxCode())) > 0) return maxCode();
        if (code.compareTo(BigInteger.valueOf(minCode())) < 0) return minCode();
        return code.longValueExact();
    }

    /** The value of a code, exactly. */
    public BigDecimal exact(long code) {
        return new BigDecimal(BigInteger.valueOf(code)).divide(BigDecimal.valueOf(2).pow(fracBits));
    }

    /** The value of a code as a double (exact for widths up to 53). */
    public double toDouble(long code) { return Math.scalb((double) code, -fracBits); }

    /** The code nearest to {@code v} (ties up), saturated; NaN is rejected. */
    public long fromDouble(double v) {
        if (Double.isNaN(v)) throw new IllegalArgumentException("NaN has no fixed-point code");
        if (v == Double.POSITIVE_INFINITY) return maxCode();
        if (v == Double.NEGATIVE_INFINITY) return minCode();
        double s = Math.scalb(v, fracBits); // exact: scaling up by a power of two
        if (fracBits >= 0 && Math.abs(s) < 0x1p52) { // floor(s + 1/2) from floor(s) and the exact fraction
            double fl = Math.floor(s);
            return saturate((long) fl + (s - fl >= 0.5 ? 1 : 0));
        }
        return saturate(Rounding.roundHalfUp(new BigDecimal(v).multiply(BigDecimal.valueOf(2).pow(fracBits))));
    }

    /** The word's bit pattern as an unsigned number of {@code width} bits (two's complement). */
    public long toBits(long code) {
        if (!contains(code)) throw new IllegalArgumentException("code " + code + " outside " + this);
        return code & mask();
    }

    /** The code of a bit pattern (the low {@code width} bits, sign-extended). */
    public long fromBits(long bits) {
        int shift = 64 - width();
        return (bits << shift) >> shift;
    }

    /** Number of codes, {@code 2^width}. */
    public long size() { return 1L << width(); }

    private long mask() { return width() == 64 ? -1L : (1L << width()) - 1; }

    @Override
    public String toString() { return "fixed(" + intBits + ", " + fracBits + ")"; }
}
