package tc0.compiler.count;

import java.math.BigInteger;

/**
 * An exact sum of non-negative numbers below 2^126 (products of two longs), in two words while it stays below
 * 2^126 and spilled into a {@link BigInteger} past it: sums over a million lines of numbers past a long without
 * allocating per line. Mutable.
 */
final class Acc128 {
    private long hi, lo; // hi 2^64 + lo, lo unsigned, hi < 2^62
    private BigInteger spill = BigInteger.ZERO;

    /** Adds {@code v >= 0}. */
    void add(long v) {
        if (v < 0) throw new IllegalArgumentException("negative " + v);
        add(0, v);
    }

    /** Adds {@code a b} for {@code a, b >= 0}. */
    void addProduct(long a, long b) {
        if ((a | b) < 0) throw new IllegalArgumentException("negative " + a + " or " + b);
        add(Math.unsignedMultiplyHigh(a, b), a * b);
    }

    /** Adds {@code h 2^64 + l} (l unsigned) for {@code 0 <= h < 2^62}. */
    void add(long h, long l) {
        long s = lo + l;
        long carry = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s;
        hi += h + carry; // both below 2^62: no overflow
        if (hi >>> 62 != 0) { spill = spill.add(value(hi, lo)); hi = lo = 0; }
    }

    boolean isZero() { return (hi | lo) == 0 && spill.signum() == 0; }

    BigInteger value() { return spill.add(value(hi, lo)); }

    /** {@code h 2^64 + l}, l unsigned. */
    static BigInteger value(long h, long l) {
        BigInteger low = new BigInteger(Long.toUnsignedString(l));
        return h == 0 ? low : BigInteger.valueOf(h).shiftLeft(64).add(low);
    }
}
